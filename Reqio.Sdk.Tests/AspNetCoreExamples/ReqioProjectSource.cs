using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Reqio.Sdk;

namespace ReadmeExamples;

/// <summary>README example: the project, rebuilt when the app's configuration reloads.</summary>
// Register it as a singleton in place of ReqioProject and mint with Current on each request. A reload whose settings
// are refused keeps the project the app had, so it goes on signing; LastError says why, for a health check or a log.
public sealed class ReqioProjectSource
{
    private readonly IConfiguration _configuration;
    private ReqioProject _current;

    public ReqioProjectSource(IConfiguration configuration)
    {
        _configuration = configuration;
        _current = Build();
        ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public ReqioProject Current => Volatile.Read(ref _current);

    public InvalidOperationException? LastError { get; private set; }

    private ReqioProject Build() => ReqioProject.FromSettings(name => _configuration[name]);

    private void Reload()
    {
        try
        {
            Volatile.Write(ref _current, Build());
            LastError = null;
        }
        catch (InvalidOperationException e)
        {
            LastError = e;
        }
    }
}
