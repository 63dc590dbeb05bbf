using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Households;

/// <summary>A household's postal address as typed.</summary>
internal sealed record AddressInput(string? Street, string? PostalCode, string? City);

/// <summary>A guardian's phones as typed.</summary>
internal sealed record PhonesInput(Guid PersonId, string? MobilePhone, string? OtherPhone);

/// <summary>
/// Guardians keep their household's address and their own phones up to date; the town's agent may
/// correct anything. Each change is written in the household's history.
/// </summary>
internal sealed partial class UpdateHouseholdContacts(FamilyServicesDbContext db, HouseholdHistory history, IStructureDirectory directory)
{
    /// <summary>Checks an address: all or nothing, a French postal code of five digits.</summary>
    public static List<FormProblem> CheckAddress(AddressInput address)
    {
        var problems = new List<FormProblem>();
        problems.CheckText(nameof(AddressInput.Street), address.Street, 200);
        problems.CheckText(nameof(AddressInput.City), address.City, 100);
        var postalCode = PlainText.Clean(address.PostalCode);
        if (postalCode is not null && !FrenchPostalCode().IsMatch(postalCode))
        {
            problems.Add(new FormProblem(nameof(AddressInput.PostalCode), Fr("Le code postal a cinq chiffres, par exemple 95450.")));
        }

        var given = new[] { address.Street, address.PostalCode, address.City }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given is > 0 and < 3 && problems.Count == 0)
        {
            problems.Add(new FormProblem(nameof(AddressInput.Street), Fr("Indiquez l’adresse complète : rue, code postal et commune.")));
        }

        return problems;
    }

    /// <summary>Checks a phone number field; returns its normalised form.</summary>
    public static string? CheckPhone(List<FormProblem> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var normalized = PhoneNumber.Normalize(value);
        if (normalized is null)
        {
            problems.Add(new FormProblem(field, Fr("Le numéro de téléphone n’est pas valide (par exemple 06 12 34 56 78).")));
        }

        return normalized;
    }

    /// <summary>
    /// Saves the address and the phones the actor may change: their own, or everyone's for the agent.
    /// Phones of other guardians sent by a guardian are ignored, never applied.
    /// </summary>
    public async Task<IReadOnlyList<FormProblem>> HandleAsync(Guid householdId, Guid actorId, bool actorIsAgent, AddressInput address, IReadOnlyList<PhonesInput> phones, CancellationToken cancellationToken)
    {
        var problems = CheckAddress(address);
        var household = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == householdId, cancellationToken);
        var changes = new List<(HouseholdMember Member, string? Mobile, string? Other)>();
        for (var i = 0; i < phones.Count; i++)
        {
            var input = phones[i];
            var member = household.Members.FirstOrDefault(m => m.PersonId == input.PersonId && m.Role == MemberRole.Guardian);
            if (member is null || (!actorIsAgent && member.PersonId != actorId))
            {
                continue;
            }

            var mobile = CheckPhone(problems, $"Phones[{i}].MobilePhone", input.MobilePhone);
            var other = CheckPhone(problems, $"Phones[{i}].OtherPhone", input.OtherPhone);
            changes.Add((member, mobile, other));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var street = PlainText.Clean(address.Street);
        var postalCode = PlainText.Clean(address.PostalCode);
        var city = PlainText.Clean(address.City);
        if (street != household.Street || postalCode != household.PostalCode || city != household.City)
        {
            (household.Street, household.PostalCode, household.City) = (street, postalCode, city);
            history.Record(household.Id, HouseholdChangeKind.AddressChanged, actorId, household.AddressLine);
        }

        var changedPeople = new List<Guid>();
        foreach (var (member, mobile, other) in changes.Where(c => c.Member.MobilePhone != c.Mobile || c.Member.OtherPhone != c.Other))
        {
            (member.MobilePhone, member.OtherPhone) = (mobile, other);
            changedPeople.Add(member.PersonId);
        }

        if (changedPeople.Count > 0)
        {
            var names = await directory.GetPeopleAsync(changedPeople, cancellationToken);
            history.Record(household.Id, HouseholdChangeKind.PhonesChanged, actorId, string.Join(", ", names.Select(n => n.DisplayName)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex FrenchPostalCode();
}
