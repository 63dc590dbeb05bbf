using Microsoft.EntityFrameworkCore;
using Preau.Communication.Abuse;
using Preau.Communication.Rules;

namespace Preau.Communication.Messaging;

/// <summary>The tables of messaging, its rules and its safety, indexed for the pages that read them.</summary>
internal static class MessagingModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(e =>
        {
            e.ToTable("messaging_conversations");
            e.Property(c => c.Subject).HasMaxLength(Conversation.SubjectMaxLength);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.AudienceLabel).HasMaxLength(500);
            e.Property(c => c.LastMessagePreview).HasMaxLength(200);
            e.Property(c => c.LastAuthorName).HasMaxLength(Conversation.AuthorNameMaxLength);
            e.HasIndex(c => new { c.ParentConversationId, c.StartedById });
        });
        modelBuilder.Entity<ConversationMember>(e =>
        {
            e.ToTable("messaging_members");
            e.Property(m => m.Folder).HasConversion<string>().HasMaxLength(20);
            e.Ignore(m => m.IsUnread);
            e.HasIndex(m => new { m.ConversationId, m.AccountId }).IsUnique();
            // The inbox and archive of one account, newest first: the page a guardian with 2,000 messages opens.
            // The territory (every query's tenant filter) ends the key and the listed columns are included (on
            // PostgreSQL), so that counting a folder and skipping to page 40 read the index only.
            e.HasIndex(m => new { m.AccountId, m.Folder, m.LastIncomingAt, m.TerritoryId }, "IX_messaging_members_folder")
                .IncludeProperties(m => new { m.ConversationId, m.LastReadAt, m.LastSentAt });
            // The unread badge on every page: only the unread rows, whatever the size of the inbox.
            e.HasIndex(m => new { m.AccountId, m.TerritoryId }, "IX_messaging_members_unread")
                .HasFilter("\"Folder\" = 'Inbox' AND \"LastIncomingAt\" IS NOT NULL AND (\"LastReadAt\" IS NULL OR \"LastReadAt\" < \"LastIncomingAt\")");
            // "Sent", newest first.
            e.HasIndex(m => new { m.AccountId, m.LastSentAt });
        });
        modelBuilder.Entity<Message>(e =>
        {
            e.ToTable("messaging_messages");
            e.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength * 2);
            e.Property(m => m.SearchText).HasMaxLength(4000);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Audience).HasMaxLength(2000);
            e.HasIndex(m => new { m.ConversationId, m.SentAt });
            // Hourly quota and "does this account usually send to many?".
            e.HasIndex(m => new { m.AuthorId, m.SentAt });
            e.HasIndex(m => m.Status);
        });
        modelBuilder.Entity<MessageAttachment>(e =>
        {
            e.ToTable("messaging_attachments");
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.StorageKey).HasMaxLength(100);
            e.HasIndex(a => a.DraftId);
            e.HasIndex(a => a.MessageId);
        });
        modelBuilder.Entity<Draft>(e =>
        {
            e.ToTable("messaging_drafts");
            e.Property(d => d.Subject).HasMaxLength(Conversation.SubjectMaxLength);
            e.Property(d => d.Body).HasMaxLength(Message.BodyMaxLength * 2);
            e.Property(d => d.Recipients).HasMaxLength(4000);
            e.HasIndex(d => new { d.AuthorId, d.UpdatedAt });
        });
        modelBuilder.Entity<MailboxLabel>(e =>
        {
            e.ToTable("messaging_labels");
            e.Property(l => l.Name).HasMaxLength(MailboxLabel.NameMaxLength);
            e.HasIndex(l => new { l.AccountId, l.Name }).IsUnique();
        });
        modelBuilder.Entity<ConversationLabel>(e =>
        {
            e.ToTable("messaging_conversation_labels");
            e.HasIndex(l => new { l.AccountId, l.LabelId, l.ConversationId }).IsUnique();
            e.HasIndex(l => new { l.AccountId, l.ConversationId });
        });

        modelBuilder.Entity<CommunicationRule>(e =>
        {
            e.ToTable("messaging_rules");
            e.Property(r => r.SenderProfile).HasConversion<string>().HasMaxLength(30);
            e.Property(r => r.RecipientProfile).HasConversion<string>().HasMaxLength(30);
            e.Property(r => r.Reach).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => new { r.TerritoryId, r.SenderProfile, r.RecipientProfile }).IsUnique();
        });
        modelBuilder.Entity<CommunicationSettings>(e =>
        {
            e.ToTable("messaging_settings");
            e.HasKey(s => s.TerritoryId);
            e.Property(s => s.HourlyQuotas).HasMaxLength(1000);
        });
        modelBuilder.Entity<ClassMessagingOption>(e =>
        {
            e.ToTable("messaging_class_options");
            e.HasKey(o => o.ClassGroupId);
        });

        modelBuilder.Entity<SendingSuspension>(e =>
        {
            e.ToTable("messaging_suspensions");
            e.Property(s => s.Reason).HasMaxLength(500);
            e.HasIndex(s => new { s.AccountId, s.LiftedAt });
        });
        modelBuilder.Entity<MessageReport>(e =>
        {
            e.ToTable("messaging_reports");
            e.Property(r => r.Reason).HasMaxLength(MessageReport.ReasonMaxLength);
            e.HasIndex(r => new { r.SchoolId, r.ClosedAt });
            e.HasIndex(r => r.ConversationId);
        });
        modelBuilder.Entity<SafetyLogEntry>(e =>
        {
            e.ToTable("messaging_safety_log");
            e.Property(l => l.Action).HasConversion<string>().HasMaxLength(40);
            e.Property(l => l.Summary).HasMaxLength(500);
            e.HasIndex(l => new { l.SchoolId, l.At });
        });
    }
}
