using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.Tests.Infrastructure;

/// <summary>
/// The SQL commands one request runs (the pages' query budgets): EF Core's diagnostics, kept only for the
/// request that carries this call's marker header, so that background work and other tests do not count.
/// </summary>
public static class RequestCommands
{
    private const string Header = "X-Count-Queries";

    public static async Task<List<string>> CaptureAsync(PreauApp app, HttpClient client, string url)
    {
        var marker = Guid.NewGuid().ToString();
        var commands = new ConcurrentQueue<string>();
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data
                        && string.Equals(accessor.HttpContext?.Request.Headers[Header].ToString(), marker, StringComparison.Ordinal))
                    {
                        commands.Enqueue(data.Command.CommandText);
                    }
                }));
            }
        }));

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(Header, marker);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        return [.. commands];
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
