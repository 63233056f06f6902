namespace Reqio.Sdk.AspNetCore;

/// <summary>What a request gets: the project, and a token when the visitor is a signed-in user Reqio can identify.</summary>
internal readonly struct ReqioIdentity
{
    private ReqioIdentity(ReqioProject project, ReqioIdentityToken token, bool signedIn)
    {
        Project = project;
        Token = token;
        SignedIn = signedIn;
    }

    public ReqioProject Project { get; }

    /// <summary>The token; holds none unless <see cref="HasToken"/>.</summary>
    public ReqioIdentityToken Token { get; }

    /// <summary>Whether the visitor is signed in (with a token or not).</summary>
    public bool SignedIn { get; }

    public bool HasToken => Token.Token is not null;

    public static ReqioIdentity Anonymous(ReqioProject project) => new(project, default, signedIn: false);

    public static ReqioIdentity NotIdentified(ReqioProject project) => new(project, default, signedIn: true);

    public static ReqioIdentity Identified(ReqioProject project, ReqioIdentityToken token) => new(project, token, signedIn: true);
}
