#if !REQIO_NETFX
using Reqio.Sdk.Tests.Support;

namespace Reqio.Sdk.Tests;

/// <summary>
/// The release workflow publishes only a tag that names the package's version: build.cake's CheckReleaseVersion task,
/// run here as the workflow runs it, passes for <c>v</c> and the version in Directory.Build.props and fails for any
/// other tag, saying both.
/// </summary>
[Category(BuildScript.Category)]
public sealed class ReleaseVersionTests
{
    [Test]
    public void A_tag_naming_the_version_passes()
    {
        string version = BuildScript.Version();

        var (exitCode, output) = BuildScript.Run($"--target=CheckReleaseVersion --tag=v{version}");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain($"The tag v{version} matches the version in Directory.Build.props ({version})."));
    }

    [TestCase("v99.0.0")]
    [TestCase("0.1.0")]
    [TestCase("v0.1.0-rc.1")]
    public void Any_other_tag_fails_naming_the_tag_and_the_version(string tag)
    {
        string version = BuildScript.Version();
        if (tag == $"v{version}")
        {
            Assert.Fail($"{tag} is the version itself; pick another mismatching tag for this case.");
        }

        var (exitCode, output) = BuildScript.Run($"--target=CheckReleaseVersion --tag={tag}");

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(output, Does.Contain($"The tag {tag} does not match the version in Directory.Build.props ({version}): release it as v{version}"));
    }

    [Test]
    public void No_tag_fails_saying_which_to_pass()
    {
        var (exitCode, output) = BuildScript.Run("--target=CheckReleaseVersion");

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(output, Does.Contain($"No release tag: pass --tag=v{BuildScript.Version()}"));
    }
}
#endif
