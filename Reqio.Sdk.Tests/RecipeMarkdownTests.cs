#if !REQIO_NETFX
using System.Collections.Generic;
using System.Linq;
using Reqio.Sdk.Tests.Recipes;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The recipe markers the recipe check reads (<see cref="RecipeTests"/>): the parser and the paste rules, on small
/// documents written here, and the sample documents (Recipes/sample/) read whole. Milliseconds, no build.
/// </summary>
public sealed class RecipeMarkdownTests
{
    private const string Fence = "```";

    [Test]
    public void A_recipes_blocks_are_collected_in_document_order_across_README_and_docs()
    {
        IReadOnlyList<RecipePlan> plans = Plan(
        [
            ("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "first"))),
            ("docs/more.md", Doc(Block("recipe: console Extra.cs", "second"), Block("recipe: console Program.cs after \"first\"", "third"))),
        ]);
        RecipePlan plan = plans.Single();
        Assert.That(plan.Recipe.Name, Is.EqualTo("console"));
        Assert.That(string.Join('|', plan.Blocks.Select(b => b.Path)), Is.EqualTo("Program.cs|Extra.cs|Program.cs"));
        Assert.That(plan.Blocks[0].Code, Is.EqualTo("first\n"));
        Assert.That(plan.Blocks[1].Source.ToString(), Is.EqualTo("docs/more.md:1"));
        Assert.That(plan.Blocks[2].Source.ToString(), Is.EqualTo("docs/more.md:6"));
    }

    [Test]
    public void A_combined_marker_snippet_recipe_puts_the_block_in_the_recipe()
    {
        RecipePlan plan = Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("snippet: Program.cs | recipe: console Program.cs", "code")))]).Single();
        Assert.That(plan.Blocks.Single().Path, Is.EqualTo("Program.cs"));
        plan = Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("fragment: shown, not compiled | recipe: console Program.cs", "code")))]).Single();
        Assert.That(plan.Blocks.Single().Code, Is.EqualTo("code\n"));
    }

    [Test]
    public void A_shell_marker_gives_the_recipe_its_sh_and_powershell_lines_and_pastes_nothing()
    {
        RecipePlan plan = Plan([("README.md", Doc(
            "<!-- recipe-check: console stdout -> token -->",
            Block("recipe: console Program.cs", "code"),
            Shell("sh", "REQIO_SECRET='<s>' dotnet run"),
            Shell("powershell", "$env:REQIO_SECRET = '<s>'; dotnet run")))]).Single();

        Assert.That(plan.Blocks.Select(b => b.Path), Is.EqualTo(new[] { "Program.cs" }));
        Assert.That(plan.Shell.Select(s => $"{s.Shell}: {s.Code}"), Is.EqualTo(new[] { "sh: REQIO_SECRET='<s>' dotnet run", "powershell: $env:REQIO_SECRET = '<s>'; dotnet run" }));
        Assert.That(plan.Shell[1].Source.ToString(), Is.EqualTo("README.md:13"), "the fence's line");
    }

    [Test]
    public void A_shell_marker_on_another_language_or_without_a_checked_recipe_is_refused()
    {
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x"), Block("shell: console", "x")))])),
            Does.Contain("a `shell:` marker goes above a sh or powershell block, not csharp"));
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x"), Shell("sh", "dotnet run", "mvc")))])),
            Does.Contain("the shell line of recipe mvc has no recipe-check marker"));
    }

    [Test]
    public void A_block_without_a_recipe_part_is_not_pasted_anywhere()
    {
        RecipePlan plan = Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("snippet: Other.cs", "x"), Block("recipe: console Program.cs", "y")))]).Single();
        Assert.That(plan.Blocks.Count, Is.EqualTo(1));
    }

    [Test]
    public void A_block_with_several_recipe_parts_goes_into_each_of_those_recipes()
    {
        IReadOnlyList<RecipePlan> plans = Plan([("README.md", Doc(
            "<!-- recipe-check: mvc GET /Feedback -> 200 html-with-tag, anonymous -> 302 -->",
            "<!-- recipe-check: spa GET /api/reqio-token -> 200 token, anonymous -> 401 -->",
            Block("snippet: ReqioPrincipal.cs | recipe: mvc ReqioPrincipal.cs | recipe: spa Auth/ReqioPrincipal.cs", "shared")))]);
        Assert.That(string.Join('|', plans.Select(p => p.Recipe.Name + ":" + p.Blocks.Single().Path)), Is.EqualTo("mvc:ReqioPrincipal.cs|spa:Auth/ReqioPrincipal.cs"));
        Assert.That(plans[1].Blocks[0].Code, Is.EqualTo("shared\n"));
    }

    [Test]
    public void After_TEXT_inserts_after_the_first_line_containing_TEXT()
    {
        var block = new RecipeBlock("mvc", "Program.cs", "AddControllersWithViews", "builder.Services.AddReqio();\n", new SourceLine("README.md", 3));
        Assert.That(RecipeMarkdown.Apply(block, "var builder = 1;\nbuilder.Services.AddControllersWithViews();\nvar app = 2;\n"), Is.EqualTo("var builder = 1;\nbuilder.Services.AddControllersWithViews();\nbuilder.Services.AddReqio();\nvar app = 2;\n"));
        Assert.That(RecipeMarkdown.Apply(block, "a\r\nAddControllersWithViews\r\nb\r\n"), Is.EqualTo("a\r\nAddControllersWithViews\r\nbuilder.Services.AddReqio();\r\nb\r\n"));
        Assert.That(RecipeMarkdown.Apply(block, "AddControllersWithViews"), Is.EqualTo("AddControllersWithViews\nbuilder.Services.AddReqio();\n"));
        Assert.That(RecipeMarkdown.Apply(block with { After = null, Code = "whole\n" }, "old"), Is.EqualTo("whole\n"));
    }

    [Test]
    public void After_TEXT_with_no_such_line_fails_naming_the_file_and_the_text()
    {
        var block = new RecipeBlock("mvc", "Views/Shared/_Layout.cshtml", "</bodyy>", "x\n", new SourceLine("docs/recipes.md", 12));
        string message = Fails(() => RecipeMarkdown.Apply(block, "<body>\n</body>\n"));
        Assert.That(message, Does.Contain("docs/recipes.md:12"));
        Assert.That(message, Does.Contain("Views/Shared/_Layout.cshtml"));
        Assert.That(message, Does.Contain("\"</bodyy>\""));
    }

    [Test]
    public void After_TEXT_into_a_file_the_project_does_not_have_fails()
    {
        var block = new RecipeBlock("mvc", "Views/Feedback/Index.cshtml", "<h1>", "x\n", new SourceLine("README.md", 5));
        Assert.That(Fails(() => RecipeMarkdown.Apply(block, null)), Does.Contain("has no Views/Feedback/Index.cshtml"));
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: functions call -> token -->", Block("recipe: functions Program.cs after \"x\"", "y")))])), Does.Contain("functions has no template and no earlier block gives that file"));
    }

    [Test]
    public void A_recipe_without_a_check_marker_fails() =>
        Assert.That(Fails(() => Plan([("README.md", Doc(Block("recipe: spa Program.cs", "x")))])), Does.Contain("recipe spa has blocks but no `<!-- recipe-check: spa"));

    [Test]
    public void A_check_marker_without_blocks_fails() =>
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: spa GET /api/reqio-token -> 200 token -->"))])), Does.Contain("recipe spa has a check marker but no block"));

    [Test]
    public void A_block_for_an_unknown_recipe_fails_listing_the_recipes()
    {
        string message = Fails(() => Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x"), Block("recipe: webforms Default.aspx", "y")))]));
        Assert.That(message, Does.Contain("README.md:7: `webforms` is not a recipe"));
        Assert.That(message, Does.Contain("console, minimal-api, mvc, razor-pages, spa, blazor-server, functions"));
    }

    [Test]
    public void A_path_leaving_the_project_folder_fails()
    {
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console ../Program.cs", "x")))])), Does.Contain("must be relative"));
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console /etc/Program.cs", "x")))])), Does.Contain("must be relative"));
    }

    [Test]
    public void A_recipe_marker_not_right_above_a_fence_fails() =>
        Assert.That(Fails(() => Plan([("README.md", "<!-- recipe-check: console stdout -> token -->\n<!-- recipe: console Program.cs -->\n\n" + Fence + "csharp\nx\n" + Fence + "\n")])), Does.Contain("README.md:2: a `recipe:` marker must be the line right above a fenced code block"));

    [Test]
    public void Check_markers_GET_with_token_html_with_tag_and_anonymous_status_stdout_call()
    {
        IReadOnlyList<RecipePlan> plans = Plan([("README.md", Doc(
            "<!-- recipe-check: minimal-api GET /api/reqio-token -> 200 token, anonymous -> 401 -->",
            "<!-- recipe-check: mvc GET /Feedback -> 200 html-with-tag, anonymous -> 302 -->",
            "<!-- recipe-check: console stdout -> token -->",
            "<!-- recipe-check: functions call -> token, anonymous -> 401 -->",
            Block("recipe: minimal-api Program.cs", "a"),
            Block("recipe: mvc Program.cs", "b"),
            Block("recipe: console Program.cs", "c"),
            Block("recipe: functions Functions.csproj", "d")))]);
        Assert.That(string.Join('|', plans.Select(p => p.Recipe.Name)), Is.EqualTo("console|minimal-api|mvc|functions"));
        RecipeCheckMarker api = plans[1].Check;
        Assert.That(api.RequestPath, Is.EqualTo("/api/reqio-token"));
        Assert.That(api.Expect, Is.EqualTo(Expectation.Token));
        Assert.That(api.AnonymousStatus, Is.EqualTo(401));
        Assert.That(plans[2].Check.Expect, Is.EqualTo(Expectation.HtmlWithTag));
        Assert.That(plans[2].Check.AnonymousStatus, Is.EqualTo(302));
        Assert.That(plans[0].Check.Kind, Is.EqualTo(CheckKind.Stdout));
        Assert.That(plans[0].Check.AnonymousStatus, Is.EqualTo(null));
        Assert.That(plans[3].Check.Kind, Is.EqualTo(CheckKind.Call));
        Assert.That(plans[3].Check.Describe(), Is.EqualTo("call -> 200 token, anonymous -> 401"));
    }

    [Test]
    public void A_check_of_the_wrong_kind_for_its_recipe_fails()
    {
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: console GET / -> 200 token -->", Block("recipe: console Program.cs", "x")))])), Does.Contain("console is checked with `stdout -> …`"));
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: spa stdout -> token -->", Block("recipe: spa Program.cs", "x")))])), Does.Contain("spa is checked with `GET /path -> …`"));
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: spa GET /x -> 201 token -->", Block("recipe: spa Program.cs", "x")))])), Does.Contain("must get 200"));
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: spa GET /x => token -->", Block("recipe: spa Program.cs", "x")))])), Does.Contain("is not one of"));
    }

    [Test]
    public void A_second_check_marker_for_one_recipe_fails() =>
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", "<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x")))])), Does.Contain("README.md:2: recipe console has a second recipe-check marker (the first is at README.md:1)"));

    [Test]
    public void A_web_or_function_check_that_does_not_say_what_an_anonymous_request_gets_fails()
    {
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: spa GET /api/reqio-token -> 200 token -->", Block("recipe: spa Program.cs", "x")))])), Does.Contain("README.md:1: recipe spa needs a signed-in user, so its check says what an anonymous request gets"));
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: functions call -> token -->", Block("recipe: functions F.csproj", "x")))])), Does.Contain("`call -> 200 token, anonymous -> 401`"));
    }

    [Test]
    public void A_second_whole_file_block_for_one_path_of_one_recipe_fails()
    {
        Assert.That(Fails(() => Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x"), Block("recipe: console Program.cs", "y")))])), Does.Contain("README.md:7: recipe console gets a second whole Program.cs (the first is at README.md:2)"));
        Plan([("README.md", Doc("<!-- recipe-check: console stdout -> token -->", Block("recipe: console Program.cs", "x"), Block("recipe: console Program.cs after \"x\"", "y")))]);
    }

    [Test]
    public void Every_mistake_is_reported_at_once_each_with_its_line()
    {
        string message = Fails(() => Plan([("README.md", Doc(Block("recipe: webforms A.aspx", "x"), Block("recipe: spa Program.cs", "y")))]));
        Assert.That(message, Does.Contain("README.md:1: `webforms` is not a recipe"));
        Assert.That(message, Does.Contain("README.md:6: recipe spa has blocks but no"));
    }

    [Test]
    public void The_sample_documents_parse_every_recipe_blocks_and_checks()
    {
        IReadOnlyList<RecipePlan> plans = RecipeMarkdown.Read(RepositoryRoot.Combine("Reqio.Sdk.Tests", "Recipes", "sample"));
        Assert.That(string.Join('|', plans.Select(p => p.Recipe.Name)), Is.EqualTo(string.Join('|', Recipe.All.Select(r => r.Name))));
        foreach (RecipePlan plan in plans.Where(p => p.Recipe.Kind != CheckKind.Stdout))
        {
            if (plan.Check.AnonymousStatus is null)
            {
                Assert.Fail($"the sample's {plan.Recipe.Name} check states no anonymous status");
            }
        }
    }

    /// <summary>The documents, each read as the recipe check reads the guide.</summary>
    private static IReadOnlyList<RecipePlan> Plan((string Name, string Text)[] documents) =>
        RecipeMarkdown.Plan(documents.Select(d => MarkdownFile.Parse(d.Name, d.Text)));

    /// <summary>Lines joined into a document, each part separated by a blank line.</summary>
    private static string Doc(params string[] parts) => string.Join("\n", parts) + "\n";

    private static string Block(string marker, string code) => $"<!-- {marker} -->\n{Fence}csharp\n{code}\n{Fence}\n";

    private static string Shell(string language, string code, string recipe = "console") => $"<!-- shell: {recipe} -->\n{Fence}{language}\n{code}\n{Fence}\n";

    private static string Fails(TestDelegate action) => Assert.Throws<RecipeMarkdownException>(action)!.Message;
}
#endif
