using System.Text;

namespace Reqio.Sdk;

// netstandard2.0, which has no spans without a package: the token is written into an array, then made a string.
public static partial class ReqioToken
{
    /// <summary>Writes the laid-out token into a byte array (with its scratch space), then makes the string of it.</summary>
    private static string CreateString(ReqioUser user, ReqioOptions options, in TokenLayout layout)
    {
        byte[] bytes = new byte[layout.TokenLength + layout.ScratchLength];
        TokenEncoder.Write(user, options, layout,
            TokenBuffer.Over(bytes, 0, layout.TokenLength), TokenBuffer.Over(bytes, layout.TokenLength, layout.ScratchLength));
        return Encoding.ASCII.GetString(bytes, 0, layout.TokenLength);
    }
}
