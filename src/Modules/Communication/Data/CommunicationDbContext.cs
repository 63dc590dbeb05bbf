using Microsoft.EntityFrameworkCore;
using Preau.Communication.Notifications;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Data;

/// <summary>The Communication module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh Communication</c>.</remarks>
internal class CommunicationDbContext(DbContextOptions options, TenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const string Module = "communication";

    public override string ModuleName => Module;

    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(n => n.Category).HasMaxLength(100);
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.Title).HasMaxLength(500);
            e.Property(n => n.Link).HasMaxLength(500);
            // The badge counts unread notifications of one account: served by this index.
            e.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });
        });
    }
}

internal sealed class CommunicationSqliteDbContext(DbContextOptions<CommunicationSqliteDbContext> options, TenantContext tenant) : CommunicationDbContext(options, tenant);

internal sealed class CommunicationPostgresDbContext(DbContextOptions<CommunicationPostgresDbContext> options, TenantContext tenant) : CommunicationDbContext(options, tenant);

internal sealed class CommunicationSqliteDesignTimeFactory : SqliteDesignTimeFactory<CommunicationSqliteDbContext>
{
    protected override string ModuleName => CommunicationDbContext.Module;
}

internal sealed class CommunicationPostgresDesignTimeFactory : PostgresDesignTimeFactory<CommunicationPostgresDbContext>
{
    protected override string ModuleName => CommunicationDbContext.Module;
}
