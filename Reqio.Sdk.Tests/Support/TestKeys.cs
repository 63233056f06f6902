namespace Reqio.Sdk.Tests.Support;

/// <summary>The project secret and audience of the PyJWT vectors, shared by the tests that need any valid pair.</summary>
internal static class TestKeys
{
    public const string Secret = "rq_sk_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a";
    public const string Audience = "https://reqio.app/p/proj_abc123";
}
