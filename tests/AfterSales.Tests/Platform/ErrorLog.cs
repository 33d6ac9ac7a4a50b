using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AfterSales.Tests.Platform;

/// <summary>Keeps every message the application logs at Error or above, so a test can say an expected conflict is not one.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _messages);

    public void Dispose() { }

    sealed class Logger(string category, ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (IsEnabled(logLevel))
                messages.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}");
        }
    }
}
