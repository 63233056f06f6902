using System.Collections.Generic;

namespace Reqio.Sdk.AspNetCore.Tests.Support;

/// <summary>Settings for the test apps: valid ones, and builders for the configuration dictionary.</summary>
internal static class Settings
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    public const string RotatedSecret = "rotated-secret-9876543210-zyxwvutsrqponmlkjihgfedcba";
    public const string ProjectId = "proj_test42";

    /// <summary>The two settings a fresh app needs, in the <c>Reqio</c> section.</summary>
    public static Dictionary<string, string?> InSection(string secret = Secret, string projectId = ProjectId) => new()
    {
        ["Reqio:Secret"] = secret,
        ["Reqio:ProjectId"] = projectId,
    };

    /// <summary>The same two settings under their flat names.</summary>
    public static Dictionary<string, string?> Flat(string secret = Secret, string projectId = ProjectId) => new()
    {
        ["REQIO_SECRET"] = secret,
        ["REQIO_PROJECT_ID"] = projectId,
    };
}
