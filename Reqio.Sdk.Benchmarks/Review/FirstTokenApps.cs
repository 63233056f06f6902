using System.Collections.Generic;

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
internal sealed record FirstTokenApp(string Contender, string Library, string Label, bool Ours)
{
    public override string ToString() => Label;
}

/// <summary>A ratio of whole processes, pair by pair: <see cref="Numerator"/>'s measure ÷ <see cref="Denominator"/>'s.</summary>
internal sealed record ProcessClaim(string Id, string Description, FirstTokenApp Numerator, FirstTokenApp Denominator,
    Flavor Flavor, ProcessMeasure Measure);

/// <summary>The first-token apps and the ratios the review reports for them, as symbols.</summary>
internal static class FirstTokenApps
{
    public static readonly FirstTokenApp Reqio = new("Reqio", "Reqio.Sdk", "Reqio.Sdk", Ours: true);
    public static readonly FirstTokenApp JsonWebTokenHandler = new("JsonWebTokenHandler", "Microsoft.IdentityModel.JsonWebTokens", "JsonWebTokenHandler", Ours: false);
    public static readonly FirstTokenApp JwtSecurityTokenHandler = new("JwtSecurityTokenHandler", "System.IdentityModel.Tokens.Jwt", "JwtSecurityTokenHandler", Ours: false);
    public static readonly FirstTokenApp JwtDotNet = new("JwtDotNet", "JWT", "JWT (jwt-dotnet)", Ours: false);
    public static readonly FirstTokenApp JoseJwt = new("JoseJwt", "jose-jwt", "jose-jwt", Ours: false);
    public static readonly FirstTokenApp HmacFloor = new("HmacFloor", "hmac_floor", "HMACSHA256 alone (the floor)", Ours: false);

    public static readonly IReadOnlyList<FirstTokenApp> All = [Reqio, JsonWebTokenHandler, JwtSecurityTokenHandler, JwtDotNet, JoseJwt, HmacFloor];

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
}
