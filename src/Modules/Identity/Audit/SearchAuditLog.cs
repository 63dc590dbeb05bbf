using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Audit;

/// <summary>What the audit log viewer filters on: an action, a period of local days, a person as actor or subject.</summary>
internal sealed record AuditFilter(AuditAction? Action, DateOnly? From, DateOnly? To, Guid? PersonId);

/// <summary>An audit line with the names of its actor and subject (when they are accounts).</summary>
internal sealed record AuditLine(AuditEntry Entry, string? Actor, string? Subject);

/// <summary>
/// Reads the audit log, newest first, on the indexes made for it (territory + action + instant, territory
/// + instant, actor, subject), and writes it as CSV for the territory's data-protection officer.
/// </summary>
internal sealed class SearchAuditLog(IdentityDbContext db, TenantContext tenant)
{
    /// <summary>The most lines one CSV export holds (a year of a large territory is narrowed by period).</summary>
    public const int MaxExportLines = 100_000;

    private static readonly string[] Headers = [Fr("Date"), Fr("Action"), Fr("Acteur"), Fr("Concerné"), Fr("Résumé"), Fr("Adresse IP")];

    public IQueryable<AuditEntry> Query(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = tenant.ToUtc(from, TimeOnly.MinValue);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = tenant.ToUtc(to.AddDays(1), TimeOnly.MinValue);
            query = query.Where(e => e.At < end);
        }

        if (filter.PersonId is { } person)
        {
            query = query.Where(e => e.ActorId == person || e.SubjectId == person);
        }

        return query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    /// <summary>Adds the names of the accounts a page of entries mentions, in one query.</summary>
    public async Task<IReadOnlyList<AuditLine>> WithNamesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.SelectMany(e => new[] { e.ActorId, e.SubjectId }).OfType<Guid>().Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => $"{a.FirstName} {a.LastName} ({a.UserName})", cancellationToken);
        return entries.Select(e => new AuditLine(e, e.ActorId is { } actor ? names.GetValueOrDefault(actor) : null, e.SubjectId is { } subject ? names.GetValueOrDefault(subject) : null)).ToList();
    }

    /// <summary>
    /// Writes the filtered log as CSV (UTF-8 with BOM, semicolons: what French spreadsheets open), in
    /// batches. Cells that a spreadsheet would run as a formula are neutralised (OWASP, CSV injection).
    /// </summary>
    public async Task WriteCsvAsync(AuditFilter filter, Func<string, string> translate, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(';', Headers.Select(translate).Select(Cell)));
        const int batch = 2000;
        for (var skip = 0; skip < MaxExportLines; skip += batch)
        {
            var entries = await Query(filter).Skip(skip).Take(batch).ToListAsync(cancellationToken);
            foreach (var line in await WithNamesAsync(entries, cancellationToken))
            {
                var e = line.Entry;
                await writer.WriteLineAsync(string.Join(';',
                    Cell(tenant.ToLocal(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                    Cell(translate(AdminLabels.Of(e.Action))),
                    Cell(line.Actor ?? string.Empty),
                    Cell(line.Subject ?? string.Empty),
                    Cell(e.Summary),
                    Cell(e.IpAddress ?? string.Empty)));
            }

            if (entries.Count < batch)
            {
                break;
            }
        }
    }

    /// <summary>A CSV cell: quoted, quotes doubled, and a leading = + - @ tab or carriage return made inert with an apostrophe.</summary>
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
