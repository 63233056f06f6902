using System;
using System.Collections.Generic;
using System.Linq;

namespace Reqio.Sdk.Recipes;

/// <summary>
/// <c>--self-test</c>: the marker parser and the paste rules, on small documents written here, and the sample
/// documents read whole. Seconds, no build; prints one line per case and exits 1 if any fails.
/// </summary>
internal static class SelfTest
{
    private const string Fence = "```";

    public static int Run(string sample)
    {
        var cases = new (string Name, Action Check)[]
        {
            ("a recipe's blocks are collected in document order, across README and docs", BlocksInOrder),
            ("a combined marker (snippet | recipe) puts the block in the recipe", CombinedMarker),
            ("a block without a recipe part is not pasted anywhere", PlainBlockIgnored),
            ("a block with several recipe parts goes into each of those recipes", OneBlockSeveralRecipes),
            ("`after \"TEXT\"` inserts after the first line containing TEXT", InsertAfter),
            ("`after \"TEXT\"` with no such line fails, naming the file and the text", InsertAfterMissingText),
            ("`after \"TEXT\"` into a file the project does not have fails", InsertIntoMissingFile),
            ("a recipe without a check marker fails", RecipeWithoutCheck),
            ("a check marker without blocks fails", CheckWithoutBlocks),
            ("a block for an unknown recipe fails, listing the recipes", UnknownRecipe),
            ("a path leaving the project folder fails", PathOutsideProject),
            ("a recipe marker not right above a fence fails", MarkerNotAboveFence),
            ("check markers: GET with token / html-with-tag and anonymous status, stdout, call", CheckMarkers),
            ("a check of the wrong kind for its recipe fails", WrongCheckKind),
            ("a second check marker for one recipe fails", TwoChecks),
            ("a web or function check that does not say what an anonymous request gets fails", AnonymousStatusRequired),
            ("a second whole-file block for one path of one recipe fails", SecondWholeFile),
            ("every mistake is reported at once, each with its line", AllErrorsAtOnce),
            ("the sample documents parse: every recipe, blocks and checks", () => Sample(sample)),
        };

        int failed = 0;
        foreach ((string name, Action check) in cases)
        {
            try
            {
                check();
                Console.WriteLine($"  pass  {name}");
            }
            catch (Exception e) when (e is SelfTestException or RecipeMarkdownException or InvalidOperationException)
            {
                failed++;
                Console.WriteLine($"  FAIL  {name}: {e.Message}");
            }
        }

        Console.WriteLine($"{cases.Length - failed} passed, {failed} failed.");
        return failed == 0 ? 0 : 1;
    }

    private static void BlocksInOrder()
    {
        IReadOnlyList<RecipePlan> plans = RecipeMarkdown.Plan(
        [
            ("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "first"))),
            ("docs/more.md", Doc(Block("recipe: console Extra.cs", "second"), Block("recipe: console Program.cs after \"first\"", "third"))),
        ]);
        RecipePlan plan = plans.Single();
        Equal("console", plan.Recipe.Name);
        Equal("Program.cs|Extra.cs|Program.cs", string.Join('|', plan.Blocks.Select(b => b.Path)));
        Equal("first\n", plan.Blocks[0].Code);
        Equal("docs/more.md:1", plan.Blocks[1].Source.ToString());
        Equal("docs/more.md:6", plan.Blocks[2].Source.ToString());
    }

    private static void CombinedMarker()
    {
        RecipePlan plan = RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("snippet: Program.cs | recipe: console Program.cs", "code")))]).Single();
        Equal("Program.cs", plan.Blocks.Single().Path);
        plan = RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("fragment: shown, not compiled | recipe: console Program.cs", "code")))]).Single();
        Equal("code\n", plan.Blocks.Single().Code);
    }

    private static void PlainBlockIgnored()
    {
        RecipePlan plan = RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("snippet: Other.cs", "x"), Block("recipe: console Program.cs", "y")))]).Single();
        Equal(1, plan.Blocks.Count);
    }

    private static void OneBlockSeveralRecipes()
    {
        IReadOnlyList<RecipePlan> plans = RecipeMarkdown.Plan([("README.md", Doc(
            "<!-- recipe-check: mvc GET /Feedback -> 200 html-with-tag, anonymous -> 302 -->",
            "<!-- recipe-check: spa GET /api/reqio-token -> 200 token, anonymous -> 401 -->",
            Block("snippet: ReqioPrincipal.cs | recipe: mvc ReqioPrincipal.cs | recipe: spa Auth/ReqioPrincipal.cs", "shared")))]);
        Equal("mvc:ReqioPrincipal.cs|spa:Auth/ReqioPrincipal.cs", string.Join('|', plans.Select(p => p.Recipe.Name + ":" + p.Blocks.Single().Path)));
        Equal("shared\n", plans[1].Blocks[0].Code);
    }

    private static void InsertAfter()
    {
        var block = new RecipeBlock("mvc", "Program.cs", "AddControllersWithViews", "builder.Services.AddReqio();\n", new SourceLine("README.md", 3));
        Equal("var builder = 1;\nbuilder.Services.AddControllersWithViews();\nbuilder.Services.AddReqio();\nvar app = 2;\n",
            RecipeMarkdown.Apply(block, "var builder = 1;\nbuilder.Services.AddControllersWithViews();\nvar app = 2;\n"));
        Equal("a\r\nAddControllersWithViews\r\nbuilder.Services.AddReqio();\r\nb\r\n",
            RecipeMarkdown.Apply(block, "a\r\nAddControllersWithViews\r\nb\r\n"));
        Equal("AddControllersWithViews\nbuilder.Services.AddReqio();\n", RecipeMarkdown.Apply(block, "AddControllersWithViews"));
        Equal("whole\n", RecipeMarkdown.Apply(block with { After = null, Code = "whole\n" }, "old"));
    }

    private static void InsertAfterMissingText()
    {
        var block = new RecipeBlock("mvc", "Views/Shared/_Layout.cshtml", "</bodyy>", "x\n", new SourceLine("docs/recipes.md", 12));
        string message = Fails(() => RecipeMarkdown.Apply(block, "<body>\n</body>\n"));
        Contains(message, "docs/recipes.md:12");
        Contains(message, "Views/Shared/_Layout.cshtml");
        Contains(message, "\"</bodyy>\"");
    }

    private static void InsertIntoMissingFile()
    {
        var block = new RecipeBlock("mvc", "Views/Feedback/Index.cshtml", "<h1>", "x\n", new SourceLine("README.md", 5));
        Contains(Fails(() => RecipeMarkdown.Apply(block, null)), "has no Views/Feedback/Index.cshtml");
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: functions call -> token -->", Block("recipe: functions Program.cs after \"x\"", "y")))])),
            "functions has no template and no earlier block gives that file");
    }

    private static void RecipeWithoutCheck() =>
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc(Block("recipe: spa Program.cs", "x")))])), "recipe spa has blocks but no `<!-- recipe-check: spa");

    private static void CheckWithoutBlocks() =>
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: spa GET /api/reqio-token -> 200 token -->"))])), "recipe spa has a check marker but no block");

    private static void UnknownRecipe()
    {
        string message = Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x"), Block("recipe: webforms Default.aspx", "y")))]));
        Contains(message, "README.md:7: `webforms` is not a recipe");
        Contains(message, "console, minimal-api, mvc, razor-pages, spa, blazor-server, functions");
    }

    private static void PathOutsideProject()
    {
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console ../Program.cs", "x")))])), "must be relative");
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console /etc/Program.cs", "x")))])), "must be relative");
    }

    private static void MarkerNotAboveFence() =>
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", "<!-- recipe-check: console stdout -> token -->\n<!-- recipe: console Program.cs -->\n\n" + Fence + "csharp\nx\n" + Fence + "\n")])),
            "README.md:2: a `recipe:` marker must be the line right above a fenced code block");

    private static void CheckMarkers()
    {
        IReadOnlyList<RecipePlan> plans = RecipeMarkdown.Plan([("README.md", Doc(
            "<!-- recipe-check: minimal-api GET /api/reqio-token -> 200 token, anonymous -> 401 -->",
            "<!-- recipe-check: mvc GET /Feedback -> 200 html-with-tag, anonymous -> 302 -->",
            "<!-- recipe-check: console stdout -> token -->",
            "<!-- recipe-check: functions call -> token, anonymous -> 401 -->",
            Block("recipe: minimal-api Program.cs", "a"),
            Block("recipe: mvc Program.cs", "b"),
            Block("recipe: console Program.cs", "c"),
            Block("recipe: functions Functions.csproj", "d")))]);
        Equal("console|minimal-api|mvc|functions", string.Join('|', plans.Select(p => p.Recipe.Name)));
        RecipeCheckMarker api = plans[1].Check;
        Equal("/api/reqio-token", api.RequestPath);
        Equal(Expectation.Token, api.Expect);
        Equal(401, api.AnonymousStatus);
        Equal(Expectation.HtmlWithTag, plans[2].Check.Expect);
        Equal(302, plans[2].Check.AnonymousStatus);
        Equal(CheckKind.Stdout, plans[0].Check.Kind);
        Equal(null, plans[0].Check.AnonymousStatus);
        Equal(CheckKind.Call, plans[3].Check.Kind);
        Equal("call -> 200 token, anonymous -> 401", plans[3].Check.Describe());
    }

    private static void WrongCheckKind()
    {
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console GET / -> 200 token -->", Block("recipe: console Program.cs", "x")))])), "console is checked with `stdout -> …`");
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: spa stdout -> token -->", Block("recipe: spa Program.cs", "x")))])), "spa is checked with `GET /path -> …`");
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: spa GET /x -> 201 token -->", Block("recipe: spa Program.cs", "x")))])), "must get 200");
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: spa GET /x => token -->", Block("recipe: spa Program.cs", "x")))])), "is not one of");
    }

    private static void TwoChecks() =>
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", "<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x")))])),
            "README.md:2: recipe console has a second recipe-check marker (the first is at README.md:1)");

    private static void AnonymousStatusRequired()
    {
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: spa GET /api/reqio-token -> 200 token -->", Block("recipe: spa Program.cs", "x")))])),
            "README.md:1: recipe spa needs a signed-in user, so its check says what an anonymous request gets");
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: functions call -> token -->", Block("recipe: functions F.csproj", "x")))])),
            "`call -> 200 token, anonymous -> 401`");
    }

    private static void SecondWholeFile()
    {
        Contains(Fails(() => RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x"), Block("recipe: console Program.cs", "y")))])),
            "README.md:7: recipe console gets a second whole Program.cs (the first is at README.md:2)");
        RecipeMarkdown.Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x"), Block("recipe: console Program.cs after \"x\"", "y")))]);
    }

    private static void AllErrorsAtOnce()
    {
        string message = Fails(() => RecipeMarkdown.Plan([("README.md", Doc(Block("recipe: webforms A.aspx", "x"), Block("recipe: spa Program.cs", "y")))]));
        Contains(message, "README.md:1: `webforms` is not a recipe");
        Contains(message, "README.md:6: recipe spa has blocks but no");
    }

    private static void Sample(string folder)
    {
        IReadOnlyList<RecipePlan> plans = RecipeMarkdown.Read(folder);
        Equal(string.Join('|', Recipe.All.Select(r => r.Name)), string.Join('|', plans.Select(p => p.Recipe.Name)));
        foreach (RecipePlan plan in plans.Where(p => p.Recipe.Kind != CheckKind.Stdout))
        {
            if (plan.Check.AnonymousStatus is null)
            {
                throw new SelfTestException($"the sample's {plan.Recipe.Name} check states no anonymous status");
            }
        }
    }

    /// <summary>Lines joined into a document, each part separated by a blank line.</summary>
    private static string Doc(params string[] parts) => string.Join("\n", parts) + "\n";

    private static string Block(string marker, string code) => $"<!-- {marker} -->\n{Fence}csharp\n{code}\n{Fence}\n";

    private static string Fails(Action action)
    {
        try
        {
            action();
        }
        catch (RecipeMarkdownException e)
        {
            return e.Message;
        }

        throw new SelfTestException("expected a RecipeMarkdownException, got none");
    }

    private static void Equal<T>(T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new SelfTestException($"expected «{expected}», got «{actual}»");
        }
    }

    private static void Contains(string text, string part)
    {
        if (!text.Contains(part, StringComparison.Ordinal))
        {
            throw new SelfTestException($"expected the message to contain «{part}»; it is:{Environment.NewLine}{text}");
        }
    }

    private sealed class SelfTestException(string message) : Exception(message);
}
