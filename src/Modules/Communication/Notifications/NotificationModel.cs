using Microsoft.EntityFrameworkCore;
using Preau.Communication.Notifications.WebPush;

namespace Preau.Communication.Notifications;

/// <summary>The tables of notifications: in-app items, preferences, digests and Web Push.</summary>
internal static class NotificationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(n => n.Category).HasMaxLength(100);
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.Title).HasMaxLength(500);
            e.Property(n => n.Link).HasMaxLength(500);
            e.Property(n => n.EmailLink).HasMaxLength(1000);
            e.Property(n => n.Reference).HasMaxLength(100);
            // The badge counts unread notifications of one account: served by this index.
            e.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });
            e.HasIndex(n => n.Reference);
            // The daily digest finds what waits for it.
            e.HasIndex(n => new { n.InDigest, n.RecipientId });
        });
        modelBuilder.Entity<NotificationPreference>(e =>
        {
            e.ToTable("notification_preferences");
            e.HasKey(p => new { p.AccountId, p.Kind });
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Email).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<DigestRun>(e =>
        {
            e.ToTable("notification_digests");
            e.HasKey(d => d.AccountId);
        });
        modelBuilder.Entity<PushSubscription>(e =>
        {
            e.ToTable("notification_push_subscriptions");
            e.Property(s => s.Endpoint).HasMaxLength(1000);
            e.Property(s => s.P256dh).HasMaxLength(200);
            e.Property(s => s.Auth).HasMaxLength(100);
            e.HasIndex(s => s.AccountId);
            e.HasIndex(s => s.Endpoint).IsUnique();
        });
        modelBuilder.Entity<VapidKeyPair>(e =>
        {
            e.ToTable("notification_vapid_keys");
            e.Property(k => k.Id).ValueGeneratedNever();
            e.Property(k => k.PublicKey).HasMaxLength(200);
            e.Property(k => k.ProtectedPrivateKey).HasMaxLength(1000);
        });
    }
}
