using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.Platform.Files;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>A new quotient for a household: from a CAF attestation, or computed from a declaration.</summary>
internal sealed record QuotientSubmission(
    Guid HouseholdId,
    QuotientSource Source,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    decimal? CafAmount,
    string? CafNumber,
    DateOnly? AttestationDate,
    Stream? Attestation,
    decimal? MonthlyIncome,
    HouseholdComposition? Composition);

/// <summary>
/// Records a quotient. A guardian's goes to the agent's queue; an agent's is validated at once (the agent
/// holds the proof) and audited. The attestation, when given, is checked by content before anything is saved.
/// </summary>
internal sealed class SubmitQuotient(FamilyServicesDbContext db, QuotientQueries queries, UploadInspector inspector, IFileStore files, FamilyServicesAudit audit, TimeProvider clock, Preau.Platform.Tenancy.TenantContext tenant)
{
    public static readonly FileKind[] AttestationKinds = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg];

    public async Task<(QuotientFamilialRecord? Record, IReadOnlyList<RuleError> Errors)> HandleAsync(QuotientSubmission submission, Guid actorId, bool byAgent, CancellationToken cancellationToken)
    {
        var errors = new List<RuleError>();
        decimal amount;
        decimal? parts = null;
        if (submission.Source == QuotientSource.CafAttestation)
        {
            if (submission.CafAmount is not { } caf)
            {
                errors.Add(new RuleError("Input.CafAmount", Fr("Indiquez le quotient familial écrit sur l’attestation.")));
                return (null, errors);
            }

            amount = caf;
            if (submission.CafNumber is { Length: > 0 } number && (number.Length > 20 || !number.All(char.IsAsciiLetterOrDigit)))
            {
                errors.Add(new RuleError("Input.CafNumber", Fr("Le numéro d’allocataire ne contient que des chiffres et des lettres (20 au plus).")));
            }

            if (submission.AttestationDate is { } date && (date > tenant.Today(clock) || date.Year < 2000))
            {
                errors.Add(new RuleError("Input.AttestationDate", Fr("La date de l’attestation ne peut pas être dans le futur.")));
            }

            if (!byAgent && submission.Attestation is null)
            {
                errors.Add(new RuleError("Input.Attestation", Fr("Joignez l’attestation de la CAF (PDF ou photo).")));
            }
        }
        else
        {
            if (submission.MonthlyIncome is not { } income || submission.Composition is not { } composition)
            {
                errors.Add(new RuleError("Input.MonthlyIncome", Fr("Indiquez les revenus mensuels du foyer.")));
                return (null, errors);
            }

            errors.AddRange(QuotientRule.CheckDeclaration(income, composition));
            if (errors.Count > 0)
            {
                return (null, errors);
            }

            var rule = await queries.RuleAsync(cancellationToken);
            parts = rule.PartsFor(composition);
            if (parts <= 0)
            {
                errors.Add(new RuleError("Input.Children", Fr("La règle de la ville donne zéro part pour ce foyer : le quotient ne peut pas être calculé. Contactez le service éducation.")));
                return (null, errors);
            }

            amount = QuotientRule.Quotient(income, parts.Value);
        }

        errors.AddRange(QuotientFamilialRecord.CheckAmountAndPeriod(amount, submission.ValidFrom, submission.ValidUntil, "Input.CafAmount", "Input.ValidFrom", "Input.ValidUntil"));
        UploadCheck? check = null;
        if (submission.Attestation is { } attestation)
        {
            check = await inspector.InspectAsync(attestation, AttestationKinds, cancellationToken);
            if (!check.IsAccepted)
            {
                errors.Add(new RuleError("Input.Attestation", check.Error!));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var key = submission.Attestation is { } file ? await files.SaveAsync(file, cancellationToken) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new QuotientFamilialRecord
        {
            HouseholdId = submission.HouseholdId,
            Source = submission.Source,
            Amount = amount,
            ValidFrom = submission.ValidFrom,
            ValidUntil = submission.ValidUntil,
            CafNumber = submission.Source == QuotientSource.CafAttestation && submission.CafNumber is { Length: > 0 } n ? n : null,
            AttestationDate = submission.Source == QuotientSource.CafAttestation ? submission.AttestationDate : null,
            AttestationFileKey = key,
            AttestationContentType = key is null ? null : check!.ContentType,
            MonthlyIncome = submission.Source == QuotientSource.DeclaredIncome ? submission.MonthlyIncome : null,
            Parts = parts,
            Couple = submission.Composition?.Couple,
            Children = submission.Composition?.Children,
            DisabledChildren = submission.Composition?.DisabledChildren,
            SubmittedBy = actorId,
            SubmittedAt = now,
        };
        if (byAgent)
        {
            record.ValidateOnEntry(actorId, now);
            audit.Record(FamilyAuditAction.QuotientEntered, actorId, record.Id,
                $"Quotient familial de {amount:N2} € saisi et validé pour le foyer {record.HouseholdId}, du {record.ValidFrom:dd/MM/yyyy} au {record.ValidUntil:dd/MM/yyyy}");
        }

        db.QuotientRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (key is not null)
            {
                await files.DeleteAsync(key, cancellationToken);
            }

            throw;
        }

        return (record, []);
    }
}
