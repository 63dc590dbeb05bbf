using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Data;
using Preau.Tests.Infrastructure;

namespace Preau.IntegrationTests.Platform;

/// <summary>
/// The versions' reader shares its queries between the requests that ask at the same time
/// (docs/decisions/0020): each still gets the versions of its own scopes, as they stand after every write
/// committed before it asked.
/// </summary>
public sealed class ScopeVersionReaderTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task ManyAskingAtOnce_EachGetsItsScopesCurrentVersions()
    {
        var scopeIds = Enumerable.Range(0, 60).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.ScopeVersions.AddRange(scopeIds.Select((id, i) => new ScopeVersion { ScopeId = id, Version = i + 1 }));
            await db.SaveChangesAsync();
        }

        var reader = app.Services.GetRequiredService<ScopeVersionReader>();
        var never = Guid.CreateVersion7();
        var asked = Enumerable.Range(0, 40).Select(i => (Ids: (IReadOnlyCollection<Guid>)[scopeIds[i], scopeIds[i + 20], never], First: i)).ToList();
        var answers = await Task.WhenAll(asked.Select(a => reader.ReadAsync(a.Ids, CancellationToken.None)));

        for (var i = 0; i < asked.Count; i++)
        {
            Assert.Equal(asked[i].First + 1, answers[i][scopeIds[asked[i].First]]);
            Assert.Equal(asked[i].First + 21, answers[i][scopeIds[asked[i].First + 20]]);
            Assert.Equal(0, answers[i].GetValueOrDefault(never));
        }
    }

    [Fact]
    public async Task WriteCommittedBeforeAsking_IsSeen()
    {
        var scopeId = Guid.CreateVersion7();
        var reader = app.Services.GetRequiredService<ScopeVersionReader>();
        Assert.Equal(0, (await reader.ReadAsync([scopeId], CancellationToken.None)).GetValueOrDefault(scopeId));

        for (var version = 1; version <= 3; version++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (version == 1)
            {
                db.ScopeVersions.Add(new ScopeVersion { ScopeId = scopeId, Version = 1 });
                await db.SaveChangesAsync();
            }
            else
            {
                await db.ScopeVersions.Where(v => v.ScopeId == scopeId).ExecuteUpdateAsync(v => v.SetProperty(x => x.Version, x => x.Version + 1));
            }

            // Others asking at the same time do not delay nor blur this request's answer.
            var others = Enumerable.Range(0, 10).Select(_ => reader.ReadAsync([Guid.CreateVersion7()], CancellationToken.None)).ToList();
            Assert.Equal(version, (await reader.ReadAsync([scopeId], CancellationToken.None))[scopeId]);
            await Task.WhenAll(others);
        }
    }
}
