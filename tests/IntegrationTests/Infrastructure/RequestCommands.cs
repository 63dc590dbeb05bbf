using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Preau.Tests.Infrastructure;

/// <summary>
/// The SQL commands one request runs (the pages' query budgets): EF Core's diagnostics, kept only for the
/// request that carries this call's marker header, so that background work and other tests do not count.
/// The listener is subscribed once, before any test: EF Core remembers for a second that nobody listens,
/// and its pooled contexts would keep that answer into the request being measured.
/// </summary>
public static class RequestCommands
{
    private const string Header = "X-Count-Queries";
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Captures = new();
    private static readonly HttpContextAccessor Accessor = new();
    private static IDisposable? _subscription;

    [ModuleInitializer]
    internal static void Listen() => _subscription ??= DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            listener.Subscribe(
                new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Value is CommandExecutedEventData data
                        && Accessor.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } marker
                        && Captures.TryGetValue(marker, out var commands))
                    {
                        commands.Enqueue(data.Command.CommandText);
                    }
                }),
                // "Executing" too: when nobody listens to it, EF Core skips every event of the context's next
                // commands for a second, "executed" included, and pooled contexts carry that into the next request.
                name => name == RelationalEventId.CommandExecuting.Name || name == RelationalEventId.CommandExecuted.Name);
        }
    }));

    public static async Task<List<string>> CaptureAsync(HttpClient client, string url)
    {
        var marker = Guid.NewGuid().ToString();
        var commands = Captures.GetOrAdd(marker, _ => new ConcurrentQueue<string>());
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(Header, marker);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
            return [.. commands];
        }
        finally
        {
            Captures.TryRemove(marker, out _);
        }
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }
}
