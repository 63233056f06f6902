using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Reqio.Sdk.AspNetCore.Tests.Support;

/// <summary>Keeps every log line the app writes, so a test can read what an operator would see.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => _lines.ToList();

    /// <summary>The lines of the package's own loggers (categories under Reqio.Sdk.AspNetCore).</summary>
    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Reqio =>
        Lines.Where(l => l.Category.StartsWith("Reqio.Sdk.AspNetCore", StringComparison.Ordinal)).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " | " + exception)));
    }
}
