using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Catchment;

/// <summary>
/// The town's agent edits the catchment map and the derogation reasons. A rule that would assign an
/// address to two schools for the same level is refused, naming the rule it collides with.
/// </summary>
internal sealed class EditCatchment(FamilyServicesDbContext db, IStructureDirectory directory)
{
    public async Task<IReadOnlyList<RuleError>> AddRuleAsync(CatchmentRule rule, CancellationToken cancellationToken)
    {
        rule.Name = rule.Name.Trim();
        rule.NormalizedName = StreetNames.Normalize(rule.Name);
        if (rule.Kind == CatchmentRuleKind.Area)
        {
            rule.Parity = NumberParity.All;
            rule.FromNumber = null;
            rule.ToNumber = null;
        }

        var errors = rule.Check().ToList();
        if (rule.Name.Length > StreetNames.MaxLength)
        {
            errors.Add(new RuleError("Input.Name", Fr("Le nom ne dépasse pas {0} caractères."), StreetNames.MaxLength));
        }

        if (rule.Name.Contains('<', StringComparison.Ordinal) || rule.Name.Contains('>', StringComparison.Ordinal))
        {
            errors.Add(new RuleError("Input.Name", Fr("Le nom ne peut pas contenir les caractères < et >.")));
        }

        if (await directory.GetSchoolAsync(rule.SchoolId, cancellationToken) is null)
        {
            errors.Add(new RuleError("Input.SchoolId", Fr("Choisissez une école du territoire.")));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var sameStreet = await db.CatchmentRules.AsNoTracking().Where(r => r.NormalizedName == rule.NormalizedName && r.Kind == rule.Kind).ToListAsync(cancellationToken);
        if (sameStreet.FirstOrDefault(rule.Overlaps) is { } clash)
        {
            var school = await directory.GetSchoolAsync(clash.SchoolId, cancellationToken);
            var (range, arguments) = clash.DescribeRange();
            return [new RuleError("Input.Name", Fr("Ce secteur chevauche une règle existante : {0}, {1}, est déjà rattaché à {2} pour ce niveau. Modifiez les numéros ou supprimez l’autre règle."),
                clash.Name, string.Format(System.Globalization.CultureInfo.InvariantCulture, range, arguments), school?.Name ?? string.Empty)];
        }

        db.CatchmentRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<bool> DeleteRuleAsync(Guid id, CancellationToken cancellationToken) =>
        await db.CatchmentRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<IReadOnlyList<RuleError>> AddReasonAsync(string label, CancellationToken cancellationToken)
    {
        label = label.Trim();
        if (label.Length is 0 or > DerogationReason.MaxLabelLength || label.Contains('<', StringComparison.Ordinal) || label.Contains('>', StringComparison.Ordinal))
        {
            return [new RuleError("Label", Fr("Le motif compte de 1 à 200 caractères, sans < ni >."))];
        }

        var position = await db.DerogationReasons.Select(r => (int?)r.Position).MaxAsync(cancellationToken) ?? 0;
        if (await db.DerogationReasons.AnyAsync(r => r.Label == label, cancellationToken))
        {
            return [new RuleError("Label", Fr("Ce motif existe déjà."))];
        }

        db.DerogationReasons.Add(new DerogationReason { Label = label, Position = position + 1 });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Adds the usual reasons the list does not hold yet.</summary>
    public async Task AddUsualReasonsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.DerogationReasons.Select(r => r.Label).ToListAsync(cancellationToken);
        var position = existing.Count;
        foreach (var label in DerogationReason.Usual.Where(u => !existing.Contains(u)))
        {
            db.DerogationReasons.Add(new DerogationReason { Label = label, Position = ++position });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Offers or withdraws a reason; requests already filed keep the label they were filed with.</summary>
    public async Task<bool> SetReasonActiveAsync(Guid id, bool active, CancellationToken cancellationToken) =>
        await db.DerogationReasons.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsActive, active), cancellationToken) > 0;
}
