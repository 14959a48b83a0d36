using Serilog.Core;
using Serilog.Events;

namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// Wraps the real sinks: an event carrying an exception reaches them with a
/// <see cref="MaskedException"/> instead, because an exception's message and text are written by
/// whoever threw it (a driver, a parser quoting its input) and may hold a token or an account
/// number that no property name announces. Enrichers cannot do this: an event's exception is
/// fixed once created.
/// </summary>
public sealed class ExceptionMaskingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Exception is null or MaskedException)
        {
            inner.Emit(logEvent);
            return;
        }

        inner.Emit(new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            new MaskedException(logEvent.Exception),
            logEvent.MessageTemplate,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
