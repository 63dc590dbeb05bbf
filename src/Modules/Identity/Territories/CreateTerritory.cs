using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Accounts;
using Preau.Identity.Activation;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Territories;

/// <summary>A new territory and its first administrator, as a platform administrator types them.</summary>
internal sealed record NewTerritory(string Name, string Slug, TerritoryKind Kind, string TimeZoneId, string AdminFirstName, string AdminLastName, string AdminLogin, string? AdminEmail);

/// <summary>The first administrator's credentials, shown once to hand over (only the code's hash is stored).</summary>
internal sealed record FirstAdministrator(string Login, string Code, DateTime ExpiresAt);

/// <summary>
/// Opens a territory on the installation with its first administrator, who activates the account with a
/// one-time code and must enrol a second factor at first sign-in. The administrator is written from a
/// scope entered in the new territory: no scope ever writes into another territory (ModuleDbContext).
/// </summary>
internal sealed class CreateTerritory(IdentityDbContext db, IServiceScopeFactory scopes, ILookupNormalizer normalizer, AuditLog audit, TenantContext tenant, TimeProvider clock)
{
    public async Task<(ChangeResult Result, FirstAdministrator? Administrator)> RunAsync(Guid actorId, NewTerritory input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var slug = input.Slug.Trim().ToLowerInvariant();
        var login = input.AdminLogin.Trim();
        if (input.Name.Trim().Length is 0 or > 200)
        {
            errors.Add(new("Name", Fr("Indiquez le nom du territoire (200 caractères au plus).")));
        }

        if (!Territory.IsValidSlug(slug))
        {
            errors.Add(new("Slug", Territory.InvalidSlugMessage));
        }
        else if (await db.Territories.IgnoreQueryFilters().AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            errors.Add(new("Slug", Fr("Un autre territoire porte déjà ce nom court.")));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new("Kind", Fr("Choisissez un type de collectivité de la liste.")));
        }

        if (!TerritoryZones.IsSupported(input.TimeZoneId))
        {
            errors.Add(new("TimeZoneId", Fr("Choisissez un fuseau horaire de la liste.")));
        }

        errors.AddRange(CreateAccount.CheckPerson(new PersonInput(input.AdminFirstName, input.AdminLastName, input.AdminEmail, null, null), tenant.Today(clock))
            .Select(e => e with { Field = "Admin" + e.Field }));
        if (login.Length is 0 or > 100 || !login.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            errors.Add(new("AdminLogin", Fr("L’identifiant ne peut contenir que des lettres sans accent, des chiffres et les signes . - _ @ (100 caractères au plus).")));
        }
        else if (await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.NormalizedUserName == normalizer.NormalizeName(login), cancellationToken))
        {
            errors.Add(new("AdminLogin", Fr("Cet identifiant est déjà utilisé.")));
        }

        if (errors.Count > 0)
        {
            return (new ChangeResult(errors), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var territory = new Territory { Name = input.Name.Trim(), Slug = slug, Kind = input.Kind, TimeZoneId = input.TimeZoneId, CreatedAt = now };
        db.Territories.Add(territory);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, territory.Id, $"Territoire créé : {territory.Name} ({slug})");
        await db.SaveChangesAsync(cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(territory.Id, territory.TimeZoneId);
        var inTerritory = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var account = new Account
        {
            TerritoryId = territory.Id,
            UserName = login,
            NormalizedUserName = normalizer.NormalizeName(login),
            FirstName = input.AdminFirstName.Trim(),
            LastName = input.AdminLastName.Trim(),
            Email = string.IsNullOrWhiteSpace(input.AdminEmail) ? null : input.AdminEmail.Trim(),
            NormalizedEmail = string.IsNullOrWhiteSpace(input.AdminEmail) ? null : normalizer.NormalizeEmail(input.AdminEmail.Trim()),
            Profiles = Profile.TerritoryAdmin,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        inTerritory.Accounts.Add(account);
        var (code, clear) = ActivationCode.Issue(account.Id, now, territory.ActivationCodeValidity);
        inTerritory.ActivationCodes.Add(code);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(territory.Id, AuditAction.AccountCreated, actorId, account.Id,
            $"Premier administrateur créé par l’administrateur de la plateforme : {account.DisplayName} ({login})");
        await inTerritory.SaveChangesAsync(cancellationToken);
        return (ChangeResult.Done, new FirstAdministrator(login, ActivationCode.Format(clear), code.ExpiresAt));
    }
}
