using Microsoft.AspNetCore.Http;
using Preau.Identity.Data;

namespace Preau.Identity.Audit;

/// <summary>
/// Writes audit entries in the caller's unit of work (saved with the change they describe).
/// The summary is composed by Préau; callers never pass user input that could hold a secret.
/// </summary>
internal sealed class AuditLog(IdentityDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(Guid territoryId, AuditAction action, Guid? actorId, Guid? subjectId, string summary)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            TerritoryId = territoryId,
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            ActorId = actorId,
            SubjectId = subjectId,
            Summary = summary.Length > 500 ? summary[..500] : summary,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
