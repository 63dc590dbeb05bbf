using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Services;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Tariffs;

/// <summary>What the agent edits in a draft.</summary>
internal sealed record TariffDraft(
    string Label,
    DateOnly StartsOn,
    BillingUnit Unit,
    IReadOnlyList<TariffBracket> Brackets,
    NoQuotientPricing NoQuotientPricing,
    decimal? NoQuotientPrice,
    decimal SecondChildReductionPercent,
    decimal FurtherChildReductionPercent,
    PenaltyMode LateMode,
    decimal? LateValue,
    PenaltyMode NoReservationMode,
    decimal? NoReservationValue);

/// <summary>
/// The life of a tariff version: a draft is created (from scratch or by copying the version in force),
/// edited, then published from its start date. The past is never changed: a version cannot start on or
/// before today once a published version covers the service (those days may already be invoiced), and a
/// published version is frozen. Every change is audited.
/// </summary>
internal sealed class EditTariffVersion(FamilyServicesDbContext db, TariffQueries queries, FamilyServicesAudit audit, TimeProvider clock, TenantContext tenant)
{
    /// <summary>Creates a draft: a copy of the version in force for the service (if any), starting on <paramref name="startsOn"/>.</summary>
    public async Task<(TariffVersion? Draft, IReadOnlyList<RuleError> Errors)> CreateDraftAsync(ServiceKind kind, Guid? serviceId, DateOnly startsOn, Guid agentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A service priced apart for the first time starts from a copy of its kind's grid.
        var current = await queries.InForceAsync(kind, serviceId, tenant.Today(clock), cancellationToken);

        var errors = await CheckStartAsync(kind, serviceId, startsOn, null, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var label = string.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), $"{ServiceLabels.Of(kind)} à partir du {startsOn:d MMMM yyyy}");
        var draft = current?.CopyAsDraft(label, startsOn, agentId, now) ?? new TariffVersion
        {
            Kind = kind,
            ServiceId = serviceId,
            Label = label,
            StartsOn = startsOn,
            Unit = kind is ServiceKind.Canteen or ServiceKind.Wednesday or ServiceKind.Holidays ? BillingUnit.PerDay : BillingUnit.PerSession,
            Brackets = [new TariffBracket { Position = 1, LowerBound = 0m, UpperBound = null, UnitPrice = 0m }],
            CreatedBy = agentId,
            CreatedAt = now,
        };
        draft.ServiceId = serviceId;
        db.TariffVersions.Add(draft);
        audit.Record(FamilyAuditAction.TariffDraftChanged, agentId, draft.Id, $"Brouillon « {draft.Label} » créé{(current is null ? "" : $" en copiant « {current.Label} »")}");
        await db.SaveChangesAsync(cancellationToken);
        return (draft, []);
    }

    /// <summary>Saves a draft's content after checking it (brackets without gap or overlap, prices and percentages in range).</summary>
    public async Task<IReadOnlyList<RuleError>> SaveDraftAsync(Guid id, Guid stamp, TariffDraft input, Guid agentId, CancellationToken cancellationToken)
    {
        var version = await db.TariffVersions.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null || !version.IsDraft)
        {
            return [new RuleError(string.Empty, Fr("Seul un brouillon peut être modifié : une version publiée ne change plus."))];
        }

        if (version.ConcurrencyStamp != stamp)
        {
            return [new RuleError(string.Empty, Fr("Ce brouillon a été modifié par quelqu’un d’autre entre-temps : rechargez la page."))];
        }

        var proposed = new TariffVersion
        {
            Kind = version.Kind,
            ServiceId = version.ServiceId,
            Label = input.Label.Trim(),
            StartsOn = input.StartsOn,
            Unit = input.Unit,
            Brackets = input.Brackets.OrderBy(b => b.LowerBound).Select((b, i) => new TariffBracket { Position = i + 1, LowerBound = b.LowerBound, UpperBound = b.UpperBound, UnitPrice = b.UnitPrice }).ToList(),
            NoQuotientPricing = input.NoQuotientPricing,
            NoQuotientPrice = input.NoQuotientPrice,
            SecondChildReductionPercent = input.SecondChildReductionPercent,
            FurtherChildReductionPercent = input.FurtherChildReductionPercent,
            LateMode = input.LateMode,
            LateValue = input.LateValue,
            NoReservationMode = input.NoReservationMode,
            NoReservationValue = input.NoReservationValue,
        };
        var errors = TariffRules.Check(proposed).ToList();
        if (proposed.Label.Length > 200)
        {
            errors.Add(new RuleError("Input.Label", Fr("Le nom ne dépasse pas 200 caractères.")));
        }

        errors.AddRange(await CheckStartAsync(version.Kind, version.ServiceId, input.StartsOn, version.Id, cancellationToken));
        if (errors.Count > 0)
        {
            return errors;
        }

        version.Label = proposed.Label;
        version.StartsOn = proposed.StartsOn;
        version.Unit = proposed.Unit;
        version.Brackets.Clear();
        version.Brackets.AddRange(proposed.Brackets);
        version.NoQuotientPricing = proposed.NoQuotientPricing;
        version.NoQuotientPrice = proposed.NoQuotientPricing == NoQuotientPricing.FixedPrice ? proposed.NoQuotientPrice : null;
        version.SecondChildReductionPercent = proposed.SecondChildReductionPercent;
        version.FurtherChildReductionPercent = proposed.FurtherChildReductionPercent;
        version.LateMode = proposed.LateMode;
        version.LateValue = proposed.LateMode == PenaltyMode.None ? null : proposed.LateValue;
        version.NoReservationMode = proposed.NoReservationMode;
        version.NoReservationValue = proposed.NoReservationMode == PenaltyMode.None ? null : proposed.NoReservationValue;
        version.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(FamilyAuditAction.TariffDraftChanged, agentId, version.Id,
            $"Brouillon « {version.Label} » enregistré : {version.Brackets.Count} tranche(s), de {string.Join(" / ", version.Brackets.Select(b => b.UnitPrice.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))))} €, à partir du {version.StartsOn:dd/MM/yyyy}");
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Publishes a draft: it will apply from its start date, which must still be in the future.</summary>
    public async Task<IReadOnlyList<RuleError>> PublishAsync(Guid id, Guid stamp, Guid agentId, CancellationToken cancellationToken)
    {
        var version = await db.TariffVersions.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null || !version.IsDraft)
        {
            return [new RuleError(string.Empty, Fr("Cette version est déjà publiée."))];
        }

        if (version.ConcurrencyStamp != stamp)
        {
            return [new RuleError(string.Empty, Fr("Ce brouillon a été modifié par quelqu’un d’autre entre-temps : rechargez la page."))];
        }

        var errors = TariffRules.Check(version).ToList();
        errors.AddRange(await CheckStartAsync(version.Kind, version.ServiceId, version.StartsOn, version.Id, cancellationToken));
        if (errors.Count > 0)
        {
            return errors;
        }

        version.Publish(agentId, clock.GetUtcNow().UtcDateTime);
        audit.Record(FamilyAuditAction.TariffPublished, agentId, version.Id,
            $"Version « {version.Label} » publiée ({ServiceLabels.Of(version.Kind)}), applicable à partir du {version.StartsOn:dd/MM/yyyy}");
        return await SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RuleError>> DeleteDraftAsync(Guid id, Guid agentId, CancellationToken cancellationToken)
    {
        var version = await db.TariffVersions.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null || !version.IsDraft)
        {
            return [new RuleError(string.Empty, Fr("Seul un brouillon peut être supprimé : une version publiée reste pour les jours qu’elle couvre."))];
        }

        db.TariffVersions.Remove(version);
        audit.Record(FamilyAuditAction.TariffDraftDeleted, agentId, version.Id, $"Brouillon « {version.Label} » supprimé");
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// A version starts after today once a published version covers the service: the days before may be
    /// reserved, attended and invoiced with the tariff they had. The very first grid of a service may start
    /// in the past (a town moving to Préau during the year). Two published versions never start the same day.
    /// </summary>
    private async Task<IReadOnlyList<RuleError>> CheckStartAsync(ServiceKind kind, Guid? serviceId, DateOnly startsOn, Guid? self, CancellationToken cancellationToken)
    {
        var today = tenant.Today(clock);
        var published = await db.TariffVersions.AsNoTracking()
            .Where(v => v.Kind == kind && v.ServiceId == serviceId && v.Status == TariffVersionStatus.Published && v.Id != self)
            .Select(v => v.StartsOn).ToListAsync(cancellationToken);
        var errors = new List<RuleError>();
        if (startsOn.Year < 2000 || startsOn.Year > 2100)
        {
            errors.Add(new RuleError("Input.StartsOn", Fr("Cette date de début n’est pas plausible.")));
        }
        else if (published.Count > 0 && startsOn <= today)
        {
            errors.Add(new RuleError("Input.StartsOn", Fr("Une nouvelle version commence au plus tôt demain : les jours passés et aujourd’hui gardent le tarif qu’ils avaient (ils peuvent être déjà facturés).")));
        }
        else if (published.Contains(startsOn))
        {
            errors.Add(new RuleError("Input.StartsOn", Fr("Une version publiée commence déjà ce jour-là : choisissez une autre date.")));
        }

        return errors;
    }

    private async Task<IReadOnlyList<RuleError>> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new RuleError(string.Empty, Fr("Cette version a été modifiée par quelqu’un d’autre entre-temps : rechargez la page."))];
        }
    }
}
