using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// The project tokens are minted with now. When the settings come from the configuration, a reload (a rotated
/// secret) reaches the next token; a reload the rules refuse keeps the last good project and logs an error naming
/// the setting and its rule, never a value.
/// </summary>
/// <remarks>
/// Reloads are followed here, through the configuration's change token, rather than through
/// <see cref="IOptionsMonitor{TOptions}"/>: the monitor would validate inside the configuration's reload and throw
/// there, where nobody catches it.
/// </remarks>
internal sealed class ReqioProjectSource : IDisposable
{
    private readonly IOptionsFactory<ReqioOptions> _factory;
    private readonly ILogger _logger;
    private readonly string _source;
    private readonly IDisposable? _reloads;
    private readonly object _gate = new();
    private (string? Secret, string? ProjectId, string? Audience) _settings;
    private volatile ReqioProject? _current;

    public ReqioProjectSource(IOptionsFactory<ReqioOptions> factory, ILogger<ReqioProjectSource> logger, string source, IConfiguration? watched)
    {
        _factory = factory;
        _logger = logger;
        _source = source;
        _reloads = watched is null ? null : ChangeToken.OnChange(watched.GetReloadToken, Reload);
    }

    /// <summary>
    /// The current project: built when the app starts (<see cref="ReqioStartupFilter"/>), after the host has checked
    /// the options, so no request is the first to build it.
    /// </summary>
    public ReqioProject Current => _current ?? First();

    /// <summary>The app's nonce resolver, if any, taken from the options with the current project.</summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, string?>? NonceResolver { get; private set; }

    public void Dispose() => _reloads?.Dispose();

    private ReqioProject First()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                ReqioOptions options = _factory.Create(Options.DefaultName);
                _current = ProjectBuilder.Build(options, _source);
                _settings = (options.Secret, options.ProjectId, options.Audience);
                NonceResolver = options.NonceResolver;
            }

            return _current;
        }
    }

    private void Reload()
    {
        lock (_gate)
        {
            ReqioOptions options;
            try
            {
                options = _factory.Create(Options.DefaultName);
            }
            catch (OptionsValidationException e)
            {
                Log.ReloadRefused(_logger, e.Message);
                return;
            }

            var settings = (options.Secret, options.ProjectId, options.Audience);
            if (_current is not null && settings == _settings)
            {
                return;
            }

            _current = ProjectBuilder.Build(options, _source);
            _settings = settings;
            NonceResolver = options.NonceResolver;
        }
    }
}
