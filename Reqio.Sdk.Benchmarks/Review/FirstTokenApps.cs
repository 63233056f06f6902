using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Benchmarks.Review;

/// <summary>How a first-token app is published: framework-dependent (JIT), or as a native AOT binary.</summary>
internal enum Flavor
{
    Jit,
    Aot,
}

/// <summary>What a process ratio compares: the whole process's wall time, or the app's own time for its first call.</summary>
internal enum ProcessMeasure
{
    WallTime,
    FirstCall,
}

/// <summary>
/// A first-token app (Reqio.Sdk.Benchmarks/FirstToken): <see cref="Contender"/> names its source file and its
/// <c>-p:Contender</c>, <see cref="Library"/> the footprint entry it reports as.
/// </summary>
internal sealed record FirstTokenApp(string Contender, string Library, string Label, bool Ours, bool Floor)
{
    public override string ToString() => Label;
}

/// <summary>A ratio of whole processes, pair by pair: <see cref="Numerator"/>'s measure ÷ <see cref="Denominator"/>'s.</summary>
internal sealed record ProcessClaim(string Id, string Description, FirstTokenApp Numerator, FirstTokenApp Denominator,
    Flavor Flavor, ProcessMeasure Measure);

/// <summary>
/// The first-token apps, one per contender of Reqio.Sdk.Benchmarks/Contenders.props (the list the apps' project takes
/// its packages from), and the ratios the review reports for them.
/// </summary>
internal static class FirstTokenApps
{
    public static readonly IReadOnlyList<FirstTokenApp> All = Read(RepositoryRoot.Combine("Reqio.Sdk.Benchmarks", "Contenders.props"));

    public static readonly FirstTokenApp Reqio = All.Single(a => a.Ours);

    public static readonly FirstTokenApp HmacFloor = All.Single(a => a.Floor);

    public static readonly FirstTokenApp JsonWebTokenHandler = All.Single(a => a.Contender == "JsonWebTokenHandler");

    public static readonly IReadOnlyList<ProcessClaim> Claims =
    [
        new("first_token_process_vs_jsonwebtokenhandler", "a fresh process minting one token, start to exit (JIT): the Reqio.Sdk app ÷ the JsonWebTokenHandler app",
            Reqio, JsonWebTokenHandler, Flavor.Jit, ProcessMeasure.WallTime),
        new("first_token_process_vs_hmac_floor", "the same, the Reqio.Sdk app ÷ the floor app (the token by hand with one HMACSHA256)",
            Reqio, HmacFloor, Flavor.Jit, ProcessMeasure.WallTime),
        new("first_token_aot_vs_jsonwebtokenhandler", "the same as native AOT binaries: Reqio.Sdk ÷ JsonWebTokenHandler",
            Reqio, JsonWebTokenHandler, Flavor.Aot, ProcessMeasure.WallTime),
        new("first_call_vs_jsonwebtokenhandler", "inside those JIT processes, the first call alone (options or key, user or claims, the token): Reqio.Sdk ÷ JsonWebTokenHandler",
            Reqio, JsonWebTokenHandler, Flavor.Jit, ProcessMeasure.FirstCall),
    ];

    /// <summary>The <c>ReviewContender</c> items of the list, in order.</summary>
    private static List<FirstTokenApp> Read(string path) =>
        [.. XDocument.Load(path).Descendants("ReviewContender").Select(item =>
        {
            string name = Required(item, "Include", path);
            string? library = (string?)item.Attribute("Library") ?? (string?)item.Attribute("Package");
            return new FirstTokenApp(name, library ?? throw new InvalidOperationException($"{path}: contender {name} has neither a Library nor a Package"),
                Required(item, "Label", path), (string?)item.Attribute("Ours") == "true", (string?)item.Attribute("Floor") == "true");
        })];

    private static string Required(XElement item, string attribute, string path) =>
        (string?)item.Attribute(attribute) ?? throw new InvalidOperationException($"{path}: a ReviewContender lacks {attribute}");
}
