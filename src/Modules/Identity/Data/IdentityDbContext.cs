using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Accounts;
using Preau.Identity.Activation;
using Preau.Identity.Audit;
using Preau.Identity.Calendar;
using Preau.Identity.Classes;
using Preau.Identity.Imports;
using Preau.Identity.Schools;
using Preau.Identity.SingleSignOn;
using Preau.Identity.Territories;
using Preau.Platform.Data;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Data;

/// <summary>
/// The Identity &amp; Structures module's tables. ASP.NET Core Identity's stores work on it through
/// <see cref="AccountStore"/> (accounts, external logins, tokens; no Identity roles: profiles and
/// relations are Préau's own).
/// </summary>
/// <remarks>Migrations: <c>scripts/migrations.sh Identity</c> regenerates both providers' migrations.</remarks>
internal class IdentityDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "identity";

    public override string ModuleName => Module;

    public DbSet<Territory> Territories => Set<Territory>();

    public DbSet<School> Schools => Set<School>();

    public DbSet<SchoolYear> SchoolYears => Set<SchoolYear>();

    public DbSet<SchoolHoliday> SchoolHolidays => Set<SchoolHoliday>();

    public DbSet<ClassGroup> ClassGroups => Set<ClassGroup>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<TeachingAssignment> TeachingAssignments => Set<TeachingAssignment>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();

    public DbSet<GuardianLink> GuardianLinks => Set<GuardianLink>();

    public DbSet<ActivationCode> ActivationCodes => Set<ActivationCode>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<ConnectedService> ConnectedServices => Set<ConnectedService>();

    public DbSet<ProviderKey> ProviderKeys => Set<ProviderKey>();

    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Territory>(e =>
        {
            e.ToTable("territories");
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Slug).HasMaxLength(60);
            e.HasIndex(t => t.Slug).IsUnique();
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(t => t.TimeZoneId).HasMaxLength(60);
            e.Property(t => t.PrimaryColor).HasMaxLength(7);
            e.Property(t => t.LogoKey).HasMaxLength(64);
            e.Property(t => t.LogoContentType).HasMaxLength(30);
            e.Ignore(t => t.ActivationCodeValidity);
            // The territory row is the tenant itself: a scope sees only its own.
            e.HasQueryFilter(TerritoryFilter, t => t.Id == CurrentTerritoryId);
        });

        modelBuilder.Entity<School>(e =>
        {
            e.ToTable("schools");
            e.Property(s => s.Uai).HasMaxLength(8);
            e.HasIndex(s => new { s.TerritoryId, s.Uai }).IsUnique();
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Street).HasMaxLength(200);
            e.Property(s => s.PostalCode).HasMaxLength(10);
            e.Property(s => s.City).HasMaxLength(100);
            e.Property(s => s.SourcedId).HasMaxLength(100);
            e.HasIndex(s => new { s.TerritoryId, s.SourcedId });
        });

        modelBuilder.Entity<SchoolYear>(e =>
        {
            e.ToTable("school_years");
            e.Property(y => y.Label).HasMaxLength(20);
            e.HasIndex(y => new { y.TerritoryId, y.Label }).IsUnique();
        });

        modelBuilder.Entity<SchoolHoliday>(e =>
        {
            e.ToTable("school_holidays");
            e.Property(h => h.Label).HasMaxLength(100);
            e.HasIndex(h => new { h.TerritoryId, h.StartsOn });
        });

        modelBuilder.Entity<ClassGroup>(e =>
        {
            e.ToTable("class_groups");
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.Level).HasMaxLength(20);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.SourcedId).HasMaxLength(100);
            e.HasIndex(c => new { c.SchoolId, c.SchoolYearId });
            e.HasIndex(c => new { c.TerritoryId, c.SourcedId });
            e.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SchoolYear>().WithMany().HasForeignKey(c => c.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Enrolment>(e =>
        {
            e.ToTable("enrolments");
            e.Property(x => x.SourcedId).HasMaxLength(100);
            e.HasIndex(x => x.ClassGroupId);
            e.HasIndex(x => x.PupilId);
            e.HasOne<ClassGroup>().WithMany().HasForeignKey(x => x.ClassGroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TeachingAssignment>(e =>
        {
            e.ToTable("teaching_assignments");
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.SourcedId).HasMaxLength(100);
            e.HasIndex(x => x.TeacherId);
            e.HasIndex(x => x.ClassGroupId);
            e.HasOne<ClassGroup>().WithMany().HasForeignKey(x => x.ClassGroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.TeacherId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.Property(a => a.UserName).HasMaxLength(100);
            e.Property(a => a.NormalizedUserName).HasMaxLength(100);
            e.Property(a => a.Email).HasMaxLength(256);
            e.Property(a => a.NormalizedEmail).HasMaxLength(256);
            e.Property(a => a.PhoneNumber).HasMaxLength(30);
            e.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
            e.Property(a => a.SecurityStamp).HasMaxLength(64);
            e.Property(a => a.ConcurrencyStamp).HasMaxLength(64);
            e.Property(a => a.PasswordHash).HasMaxLength(200);
            e.Property(a => a.FirstName).HasMaxLength(100);
            e.Property(a => a.LastName).HasMaxLength(100);
            e.Property(a => a.SourcedId).HasMaxLength(100);
            e.Property(a => a.PreferredLanguage).HasMaxLength(10);
            // Logins are unique across the whole installation: sign-in happens before any territory is known.
            e.HasIndex(a => a.NormalizedUserName).IsUnique();
            e.HasIndex(a => a.NormalizedEmail);
            e.HasIndex(a => new { a.TerritoryId, a.SourcedId });
            e.HasIndex(a => new { a.TerritoryId, a.LastName, a.FirstName });
            e.HasIndex(a => new { a.IsActive, a.DeactivatedAt });
            e.Ignore(a => a.DisplayName);
            e.HasOne<Territory>().WithMany().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<IdentityUserClaim<Guid>>(e =>
        {
            e.ToTable("account_claims");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.UserId);
            e.HasOne<Account>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IdentityUserLogin<Guid>>(e =>
        {
            e.ToTable("account_logins");
            e.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            e.Property(l => l.LoginProvider).HasMaxLength(128);
            e.Property(l => l.ProviderKey).HasMaxLength(128);
            e.HasIndex(l => l.UserId);
            e.HasOne<Account>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IdentityUserToken<Guid>>(e =>
        {
            e.ToTable("account_tokens");
            e.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            e.Property(t => t.LoginProvider).HasMaxLength(128);
            e.Property(t => t.Name).HasMaxLength(128);
            e.HasOne<Account>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StaffAssignment>(e =>
        {
            e.ToTable("staff_assignments");
            e.HasIndex(x => x.AccountId);
            e.HasIndex(x => new { x.SchoolId, x.Profile });
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<GuardianLink>(e =>
        {
            e.ToTable("guardian_links");
            e.Property(x => x.Relation).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.GuardianId, x.PupilId }).IsUnique();
            e.HasIndex(x => x.PupilId);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.GuardianId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ActivationCode>(e =>
        {
            e.ToTable("activation_codes");
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.HasIndex(x => x.CodeHash);
            e.HasIndex(x => x.AccountId);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.IpAddress).HasMaxLength(45);
            e.HasIndex(x => new { x.TerritoryId, x.At });
            // The audit log viewer filters by action over a period, and by account (as actor or subject).
            e.HasIndex(x => new { x.TerritoryId, x.Action, x.At });
            e.HasIndex(x => x.SubjectId);
            e.HasIndex(x => x.ActorId);
        });

        // The OpenID Connect provider's tables (OpenIddict's entities, Guid keys), and the territory's record of each client.
        modelBuilder.UseOpenIddict<Guid>();
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oidc_applications");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oidc_authorizations");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oidc_scopes");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oidc_tokens");
        modelBuilder.Entity<ConnectedService>(e =>
        {
            e.ToTable("connected_services");
            e.Property(x => x.ClientId).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.HasIndex(x => x.ClientId).IsUnique();
            e.HasIndex(x => x.ApplicationId).IsUnique();
        });
        modelBuilder.Entity<ProviderKey>(e =>
        {
            e.ToTable("oidc_keys");
            e.Property(x => x.Usage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ProtectedKey).HasMaxLength(8000);
        });

        modelBuilder.ApplyConfiguration(new ImportRunConfiguration());
        modelBuilder.ApplyConfiguration(new ImportRejectionConfiguration());
    }
}

/// <summary>The SQLite flavour (owns the SQLite migrations).</summary>
internal sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

/// <summary>The PostgreSQL flavour (owns the PostgreSQL migrations).</summary>
internal sealed class IdentityPostgresDbContext(DbContextOptions<IdentityPostgresDbContext> options) : IdentityDbContext(options);

internal sealed class IdentitySqliteDesignTimeFactory : SqliteDesignTimeFactory<IdentitySqliteDbContext>
{
    protected override string ModuleName => IdentityDbContext.Module;
}

internal sealed class IdentityPostgresDesignTimeFactory : PostgresDesignTimeFactory<IdentityPostgresDbContext>
{
    protected override string ModuleName => IdentityDbContext.Module;
}
