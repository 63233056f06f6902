namespace FirstToken;

/// <summary>
/// The reference user and project every contender mints for, as an application has them: strings and a number (the
/// same values as the benchmarks' Reference fixture).
/// </summary>
internal static class ReferenceUser
{
    public const string Secret = "rq_sk_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a";
    public const string Audience = "https://reqio.app/p/proj_abc123";
    public const string Id = "user_8f3a2c";
    public const string Email = "ada.lovelace@example.com";
    public const string Plan = "pro";
    public const long AmountCents = 4900;
    public const int LifetimeSeconds = 300;
}
