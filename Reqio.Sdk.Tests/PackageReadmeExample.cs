using Reqio.Sdk;

// Outside Reqio.Sdk's namespaces on purpose: the example needs its own `using Reqio.Sdk;`, as in a user's project.
namespace PackageReadmeExample;

/// <summary>The package readme's example (Reqio.Sdk/PACKAGE.md), compiled: its usings and the region below.</summary>
public static class PackageReadme
{
    /// <summary>Runs the example, with REQIO_SECRET and REQIO_PROJECT_ID set by the caller.</summary>
    public static (string Token, string ScriptTag) Run()
    {
        // snippet: package-readme
        // Once at start-up: REQIO_SECRET (the project's secret, from the Reqio dashboard) and REQIO_PROJECT_ID, read
        // from the environment and checked; share the project. Or: ReqioProject.FromProjectId(secret, "proj_abc123").
        var project = ReqioProject.FromEnvironment();

        // For each request, the signed-in user:
        var user = new ReqioUser(
            id: "user_8f3a2c",
            email: "ada.lovelace@example.com",
            traits: ReqioTraits.Monthly(plan: "pro", amountCents: 4900));
        string token = ReqioToken.Mint(user, project);
        string scriptTag = ReqioWidget.ScriptTag(project, token);   // the widget's <script> tag, for the page
        // end snippet

        return (token, scriptTag);
    }
}
