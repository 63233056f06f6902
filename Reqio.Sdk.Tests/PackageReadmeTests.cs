using System.IO;
using System.Linq;
using System.Text;
using PackageReadmeExample;
using Reqio.Sdk.Tests.Support;
using static Reqio.Sdk.Tests.Support.TestKeys;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The package's readme (Reqio.Sdk/PACKAGE.md, shown by package browsers) has one C# block: the usings of
/// PackageReadmeExample.cs and its <c>package-readme</c> region, word for word, so the block compiles as shown; and the
/// example runs and mints a token that verifies.
/// </summary>
[NonParallelizable]
public sealed class PackageReadmeTests
{
    private static string Normalize(string text) => string.Join("\n", text.Split('\n').Select(line => line.TrimEnd('\r')));

    [Test]
    public void The_package_readme_code_is_the_compiled_example_with_its_usings()
    {
        var blocks = MarkdownFile.Read("Reqio.Sdk", "PACKAGE.md").CodeBlocks.Where(b => b.Language == "csharp").ToList();
        Assert.That(blocks, Has.Count.EqualTo(1), "PACKAGE.md has one C# block");
        string block = blocks[0].Body;

        string[] source = Normalize(File.ReadAllText(RepositoryRoot.Combine("Reqio.Sdk.Tests", "PackageReadmeExample.cs"))).Split('\n');
        string usings = string.Join("\n", source.TakeWhile(l => !l.StartsWith("namespace ", StringComparison.Ordinal)).Where(l => l.StartsWith("using ", StringComparison.Ordinal)));
        int start = Array.FindIndex(source, l => l.Trim() == "// snippet: package-readme");
        int end = Array.FindIndex(source, start, l => l.Trim() == "// end snippet");
        string[] region = source.Skip(start + 1).Take(end - start - 1).ToArray();
        int indent = region.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);

        Assert.That(block, Is.EqualTo(usings + "\n\n" + string.Join("\n", region.Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart()))));
    }

    [Test]
    public void The_package_readme_example_mints_a_token_that_verifies_and_its_script_tag()
    {
        using var environment = new ReqioEnvironment();
        environment.Set("REQIO_SECRET", Secret);
        environment.Set("REQIO_PROJECT_ID", "proj_abc123");

        var (token, scriptTag) = PackageReadme.Run();

        var payload = IdentityModelVerifier.Verify(token, Encoding.UTF8.GetBytes(Secret), Audience, DateTimeOffset.UtcNow);
        Assert.That((string?)payload["sub"], Is.EqualTo("user_8f3a2c"));
        Assert.That(scriptTag, Does.Contain("data-project-id=\"proj_abc123\"").And.Contain(token));
    }
}
