using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace Reqio.Sdk.Tests.Recipes;

/// <summary>
/// Makes one recipe's fresh project in the work folder, pastes its blocks, builds it with warnings as errors and runs
/// it: a console prints its token; a web app is started on loopback and asked anonymously and signed in; a function
/// is called by the FunctionsCall harness. Every token is verified (<see cref="TokenCheck"/>).
/// </summary>
internal sealed partial class RecipeRunner(string recipesFolder, string work, string packageVersion, Commands commands, string secret, string audience)
{
    /// <summary>The user the check signs in: the Inject/RecipeCheckSignIn.cs header, or App Service's headers for a function.</summary>
    public const string User = "recipe-check-user-42";

    private static readonly TimeSpan s_new = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_build = TimeSpan.FromMinutes(10);   // a function app restores a great many packages when the cache is cold
    private static readonly TimeSpan s_run = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_ready = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_request = TimeSpan.FromSeconds(30);

    private string? _functionsCall;
    private bool _toolsRestored;

    public async Task<RecipeResult> RunAsync(RecipePlan plan)
    {
        var clock = Stopwatch.StartNew();
        Recipe recipe = plan.Recipe;
        string folder = Path.Combine(work, recipe.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        if (recipe.Template is not null)
        {
            commands.Dotnet(work, s_new, ["new", .. recipe.Template, "--output", folder, "--name", ProjectName(recipe), "--no-restore"]);
        }

        // Whole files first, then the insertions in the guide's order: a page that gives a whole Program.cs (the SPA
        // recipe's) still gets the lines another page inserts into it (the development sign-in's).
        foreach (RecipeBlock block in plan.Blocks.Where(b => b.After is null).Concat(plan.Blocks.Where(b => b.After is not null)))
        {
            string target = Path.Combine(folder, block.Path);
            string? current = File.Exists(target) ? File.ReadAllText(target) : null;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, RecipeMarkdown.Apply(block, current));
        }

        string project = ProjectFile(folder, recipe);
        if (!ReferencesReqio(project))
        {
            commands.Dotnet(folder, s_build, ["add", project, "package", recipe.Package, "--version", packageVersion]);
        }

        if (recipe.Kind == CheckKind.Http)
        {
            string signIn = Path.Combine(folder, "RecipeCheckSignIn.cs");
            if (File.Exists(signIn))
            {
                throw new RecipeFailedException($"recipe {recipe.Name}: a block gives RecipeCheckSignIn.cs, the name of the check's own sign-in file.");
            }

            File.Copy(Path.Combine(recipesFolder, "Inject", "RecipeCheckSignIn.cs"), signIn);
        }

        Build(project, recipe);
        string proved = recipe.Kind switch
        {
            CheckKind.Stdout => await RunConsoleAsync(folder, plan).ConfigureAwait(false),
            CheckKind.Http => await RunWebAsync(folder, project, plan).ConfigureAwait(false),
            _ => await CallFunctionAsync(folder, project, plan).ConfigureAwait(false),
        };
        return new RecipeResult(plan, proved, clock.Elapsed);
    }

    /// <summary>The name a newcomer might give: never one that hides a type the code uses (a project named Console would).</summary>
    private static string ProjectName(Recipe recipe) =>
        "Recipe" + string.Concat(recipe.Name.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static string ProjectFile(string folder, Recipe recipe)
    {
        string[] projects = Directory.GetFiles(folder, "*.csproj");
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw new RecipeFailedException($"recipe {recipe.Name}: the fresh project has no .csproj (a recipe without a template needs a block with its project file)."),
            _ => throw new RecipeFailedException($"recipe {recipe.Name}: the fresh project has {projects.Length} project files: {string.Join(", ", projects.Select(Path.GetFileName))}."),
        };
    }

    private static bool ReferencesReqio(string project) =>
        XDocument.Load(project).Descendants("PackageReference").Any(p => ((string?)p.Attribute("Include"))?.StartsWith("Reqio.Sdk", StringComparison.Ordinal) == true);

    private void Build(string project, Recipe recipe)
    {
        string folder = Path.GetDirectoryName(project)!;
        if (recipe.Template is not null)
        {
            commands.Dotnet(folder, s_build, ["build", project, "-warnaserror", "-nodeReuse:false"]);
            return;
        }

        // A function app: the Worker SDK restores a generated extensions project (obj/…/WorkerExtensions) that pins
        // package versions the feed does not all serve, so NuGet takes the next ones and warns NU1603. That warning,
        // from that project alone, is let through; any other warning fails the build.
        string output = commands.Dotnet(folder, s_build, ["build", project, "-warnaserror", "-warnnotaserror:NU1603", "-nodeReuse:false"]);
        string[] foreign = output.Split('\n').Where(l => l.Contains("warning NU1603", StringComparison.Ordinal) && !l.Contains("WorkerExtensions.csproj", StringComparison.Ordinal)).ToArray();
        if (foreign.Length > 0)
        {
            throw new RecipeFailedException($"recipe {recipe.Name}: NU1603 is let through only from the generated WorkerExtensions project; the app's own:{Environment.NewLine}{string.Join(Environment.NewLine, foreign)}");
        }
    }

    private async Task<string> RunConsoleAsync(string folder, RecipePlan plan)
    {
        string output = commands.Run(folder, s_run, TokenCheck.Settings(secret, audience), ["run", "--no-build"]);
        string[] tokens = Jwt().Matches(output).Select(m => m.Value).Distinct().ToArray();
        if (tokens.Length != 1)
        {
            throw new RecipeFailedException($"{plan.Check.Source}: recipe console should print one token; it printed {tokens.Length}:{Environment.NewLine}{output}");
        }

        await TokenCheck.VerifyAsync(tokens[0], secret, audience, subject: null, plan.Check.Source.ToString()).ConfigureAwait(false);
        string shells = await RunShellLinesAsync(folder, plan).ConfigureAwait(false);
        return "built with warnings as errors; `dotnet run` printed a token that verifies" + shells;
    }

    /// <summary>
    /// Runs the guide's shell lines for the recipe as a user types them, the placeholders filled in with the check's
    /// settings: a <c>sh</c> line with bash (not on Windows, where the guide's PowerShell line serves), a
    /// <c>powershell</c> line with the repository's PowerShell tool (<c>dotnet tool run pwsh</c>, .config/dotnet-tools.json).
    /// Each must print one token that verifies, as the recipe's own run does. The lines set the settings themselves:
    /// the check gives them none.
    /// </summary>
    private async Task<string> RunShellLinesAsync(string folder, RecipePlan plan)
    {
        var ran = new List<string>();
        foreach (RecipeShellBlock shell in plan.Shell)
        {
            if (shell.Shell == "sh" && OperatingSystem.IsWindows())
            {
                continue;
            }

            string line = Fill(shell);
            string output = shell.Shell == "sh"
                ? commands.Program("bash", folder, s_run, null, ["-c", line])
                : commands.Run(RestorePowerShell(), s_run, null, ["tool", "run", "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-WorkingDirectory", folder, "-Command", line]);
            string[] tokens = Jwt().Matches(output).Select(m => m.Value).Distinct().ToArray();
            if (tokens.Length != 1)
            {
                throw new RecipeFailedException($"{shell.Source}: the guide's {shell.Shell} line should print one token; it printed {tokens.Length}:{Environment.NewLine}{output}");
            }

            await TokenCheck.VerifyAsync(tokens[0], secret, audience, subject: null, $"{shell.Source} ({shell.Shell})").ConfigureAwait(false);
            ran.Add(shell.Shell);
        }

        return ran.Count == 0 ? "" : $"; the guide's {string.Join(" and ", ran)} line{(ran.Count > 1 ? "s" : "")} printed a token that verifies";
    }

    /// <summary>The line with its placeholders replaced by the check's settings; no other placeholder may remain.</summary>
    private string Fill(RecipeShellBlock shell)
    {
        string line = shell.Code
            .Replace("<the secret from the Reqio dashboard>", secret, StringComparison.Ordinal)
            .Replace("<your project id>", TokenCheck.ProjectId(audience), StringComparison.Ordinal);
        Match left = Regex.Match(line, "<[^<>]+>");
        return left.Success
            ? throw new RecipeFailedException($"{shell.Source}: the check knows no value for the placeholder {left.Value}.")
            : line;
    }

    /// <summary>Restores the repository's local tools (PowerShell among them) into the check's packages folder, once; returns the repository's folder.</summary>
    private string RestorePowerShell()
    {
        string repository = Path.GetFullPath(Path.Combine(recipesFolder, "..", ".."));
        if (!_toolsRestored)
        {
            commands.Dotnet(repository, s_build, ["tool", "restore"]);
            _toolsRestored = true;
        }

        return repository;
    }

    private async Task<string> RunWebAsync(string folder, string project, RecipePlan plan)
    {
        RecipeCheckMarker check = plan.Check;
        int port = FreePort();
        var environment = new Dictionary<string, string?>(TokenCheck.SectionSettings(secret, audience))
        {
            // Loads Inject/RecipeCheckSignIn.cs, the check's own file: a request with X-Recipe-Check-User is signed in.
            ["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = AssemblyName(project),
        };
        RunningApp app = commands.StartApp(folder, environment, "run", "--no-build", "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
                Timeout = s_request,
            };
            HttpResponseMessage? anonymous = null;
            await app.WaitUntilAsync(async cancel =>
            {
                anonymous = await http.GetAsync(new Uri(check.RequestPath!, UriKind.Relative), cancel).ConfigureAwait(false);
                return true;
            }, s_ready).ConfigureAwait(false);
            using (anonymous)
            {
                if (check.AnonymousStatus is int expected && (int)anonymous!.StatusCode != expected)
                {
                    throw new RecipeFailedException($"{check.Source}: anonymous GET {check.RequestPath} answered {(int)anonymous.StatusCode} {anonymous.ReasonPhrase}{Location(anonymous)}, not {expected}.{AppOutput(app)}");
                }
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(check.RequestPath!, UriKind.Relative));
            request.Headers.Add("X-Recipe-Check-User", User);
            using HttpResponseMessage response = await http.SendAsync(request).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if ((int)response.StatusCode != check.Status)
            {
                throw new RecipeFailedException($"{check.Source}: signed-in GET {check.RequestPath} answered {(int)response.StatusCode} {response.ReasonPhrase}{Location(response)}, not {check.Status}:{Environment.NewLine}{Clip(body)}{AppOutput(app)}");
            }

            string what = await VerifyBodyAsync(check, body, $"{check.Source}: signed-in GET {check.RequestPath}").ConfigureAwait(false);
            string anonymousText = check.AnonymousStatus is int status ? $", anonymous {status.ToString(CultureInfo.InvariantCulture)}" : "";
            string devSignIn = await CheckDevelopmentSignInAsync(http, check, app).ConfigureAwait(false);
            return $"built with warnings as errors; served GET {check.RequestPath}: signed in 200 with {what}{anonymousText}{devSignIn}";
        }
        finally
        {
            app.Dispose();
        }
    }

    /// <summary>
    /// Signs in at the guide's Development-only sign-in (<c>/dev/sign-in?id=…</c>, docs/development-sign-in.md, which
    /// every web recipe takes) as a reader would and asks again with the cookie it sets: the token must be for that user.
    /// </summary>
    private async Task<string> CheckDevelopmentSignInAsync(HttpClient http, RecipeCheckMarker check, RunningApp app)
    {
        const string Reader = "reader-7";
        using HttpResponseMessage signIn = await http.GetAsync(new Uri($"/dev/sign-in?id={Reader}", UriKind.Relative)).ConfigureAwait(false);
        if (signIn.StatusCode != HttpStatusCode.Redirect || !signIn.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? cookies))
        {
            throw new RecipeFailedException($"{check.Source}: GET /dev/sign-in answered {(int)signIn.StatusCode} {signIn.ReasonPhrase} without a redirect and a cookie.{AppOutput(app)}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(check.RequestPath!, UriKind.Relative));
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        using HttpResponseMessage response = await http.SendAsync(request).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if ((int)response.StatusCode != check.Status)
        {
            throw new RecipeFailedException($"{check.Source}: GET {check.RequestPath} after /dev/sign-in answered {(int)response.StatusCode} {response.ReasonPhrase}{Location(response)}, not {check.Status}.{AppOutput(app)}");
        }

        await VerifyBodyAsync(check, body, $"{check.Source}: GET {check.RequestPath} after /dev/sign-in", Reader).ConfigureAwait(false);
        return "; the guide's /dev/sign-in cookie gets a token for that user";
    }

    private async Task<string> CallFunctionAsync(string folder, string project, RecipePlan plan)
    {
        RecipeCheckMarker check = plan.Check;
        string assembly = commands.Dotnet(folder, s_build, ["msbuild", project, "-getProperty:TargetPath"]).Trim();
        string harness = BuildFunctionsCall();
        string output = commands.Run(folder, s_run, TokenCheck.Settings(secret, audience), [harness, assembly, User]);
        var results = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("RECIPE-CHECK ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')).ToDictionary(p => p[1], p => (Status: int.Parse(p[2], CultureInfo.InvariantCulture), Body: Encoding.UTF8.GetString(Convert.FromBase64String(p.Length > 3 ? p[3] : ""))));
        if (!results.TryGetValue("signed-in", out var signedIn) || !results.TryGetValue("anonymous", out var anonymous) || !results.TryGetValue("forged", out var forged))
        {
            throw new RecipeFailedException($"{check.Source}: the function call printed no result:{Environment.NewLine}{output}");
        }

        if (forged.Status != 401)
        {
            throw new RecipeFailedException($"{check.Source}: the function, with App Service Authentication off, answered a forged principal header with {forged.Status}, not 401:{Environment.NewLine}{output}");
        }

        if (check.AnonymousStatus is int expected && anonymous.Status != expected)
        {
            throw new RecipeFailedException($"{check.Source}: the function called anonymously answered {anonymous.Status}, not {expected}:{Environment.NewLine}{output}");
        }

        if (signedIn.Status != check.Status)
        {
            throw new RecipeFailedException($"{check.Source}: the function called signed in answered {signedIn.Status}, not {check.Status}:{Environment.NewLine}{output}");
        }

        string what = await VerifyBodyAsync(check, signedIn.Body, $"{check.Source}: the function called signed in").ConfigureAwait(false);
        string anonymousText = check.AnonymousStatus is int status ? $", anonymous {status.ToString(CultureInfo.InvariantCulture)}" : "";
        return $"built as a function app with warnings as errors (NU1603 of WorkerExtensions aside); its method called: signed in 200 with {what}{anonymousText}, a forged principal header without App Service Authentication 401";
    }

    /// <summary>Builds the harness that calls a function's method (FunctionsCall/), once per run; returns its assembly.</summary>
    private string BuildFunctionsCall()
    {
        if (_functionsCall is not null)
        {
            return _functionsCall;
        }

        string folder = Path.Combine(work, "functions-call");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(Path.Combine(recipesFolder, "FunctionsCall")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        commands.Dotnet(folder, s_build, ["build", "-warnaserror", "-nodeReuse:false", "--output", Path.Combine(folder, "out")]);
        return _functionsCall = Path.Combine(folder, "out", "FunctionsCall.dll");
    }

    private async Task<string> VerifyBodyAsync(RecipeCheckMarker check, string body, string where, string? subject = null)
    {
        subject ??= User;
        if (check.Expect == Expectation.Token)
        {
            string token;
            long expiresAt;
            try
            {
                using JsonDocument json = JsonDocument.Parse(body);
                token = json.RootElement.GetProperty("token").GetString() ?? throw new KeyNotFoundException("token");
                expiresAt = json.RootElement.GetProperty("expiresAt").GetInt64();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new RecipeFailedException($"{where}: the body is not {{ \"token\": \"…\", \"expiresAt\": <seconds> }} ({e.Message}):{Environment.NewLine}{Clip(body)}");
            }

            long exp = await TokenCheck.VerifyAsync(token, secret, audience, subject, where).ConfigureAwait(false);
            if (exp != expiresAt)
            {
                throw new RecipeFailedException($"{where}: expiresAt is {expiresAt}, the token's exp {exp}.");
            }

            return "a token that verifies and its expiresAt";
        }

        Match tag = WidgetTag().Match(body);
        if (!tag.Success)
        {
            throw new RecipeFailedException($"{where}: the page has no <script src=\"https://reqio.app/widget.js\" data-project-id=\"…\" data-identity-token=\"…\">:{Environment.NewLine}{Clip(body)}");
        }

        string projectId = WebUtility.HtmlDecode(Attribute(tag.Value, "data-project-id"));
        string identityToken = WebUtility.HtmlDecode(Attribute(tag.Value, "data-identity-token"));
        if (projectId != TokenCheck.ProjectId(audience))
        {
            throw new RecipeFailedException($"{where}: the tag's data-project-id is \"{projectId}\", not {TokenCheck.ProjectId(audience)}: {tag.Value}");
        }

        await TokenCheck.VerifyAsync(identityToken, secret, audience, subject, where).ConfigureAwait(false);
        return "the widget's script tag, its token verified";
    }

    private static string Attribute(string tag, string name)
    {
        Match match = Regex.Match(tag, $@"\s{Regex.Escape(name)}=""(?<value>[^""]*)""");
        return match.Success ? match.Groups["value"].Value : "";
    }

    private static string AssemblyName(string project) =>
        XDocument.Load(project).Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault(v => v.Length > 0)
        ?? Path.GetFileNameWithoutExtension(project);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is Uri location ? $" (Location: {location})" : "";

    private static string AppOutput(RunningApp app) =>
        $"{Environment.NewLine}The app printed:{Environment.NewLine}{Clip(Commands.Snapshot(app.Output))}";

    private static string Clip(string text) => text.Length <= 4000 ? text : text[..4000] + "…";

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"<script\b[^>]*\ssrc=""https://reqio\.app/widget\.js""[^>]*>")]
    private static partial Regex WidgetTag();
}
