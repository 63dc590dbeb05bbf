using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>Who a note is addressed to: the guardians of one pupil, of a class or group, or of the whole school.</summary>
internal enum NoteAudience
{
    Pupil,
    ClassGroup,
    School,
}

/// <summary>What a note asks of the families.</summary>
internal enum NoteAnswerKind
{
    /// <summary>No answer: reading (and acknowledging, if asked) is enough.</summary>
    None,

    /// <summary>Oui ou non.</summary>
    YesNo,

    /// <summary>Un court texte.</summary>
    Text,
}

/// <summary>A note of the liaison notebook (carnet de liaison), sent by a teacher, the head or school-life staff.</summary>
internal sealed class LiaisonNote : ITerritoryOwned
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid AuthorId { get; init; }

    public NoteAudience Audience { get; init; }

    /// <summary>The pupil, class or group, or school addressed.</summary>
    public Guid AudienceId { get; init; }

    /// <summary>The audience's name when sent ("CM2 A", "Lucas Martin", "Collège Victor-Hugo").</summary>
    public required string AudienceLabel { get; init; }

    public required string Title { get; init; }

    /// <summary>Sanitised HTML (RichText.Sanitize).</summary>
    public required string Body { get; init; }

    public bool RequiresAcknowledgement { get; init; }

    public NoteAnswerKind AnswerKind { get; init; }

    /// <summary>
    /// The answer engages parental authority (an outing authorization, a photo consent): only a guardian
    /// holding it may give it (Code civil, art. 372 and 373-2-1).
    /// </summary>
    public bool IsAuthorization { get; init; }

    public string? AttachmentKey { get; init; }

    public string? AttachmentName { get; init; }

    public string? AttachmentContentType { get; init; }

    public DateTime SentAt { get; init; }

    public DateTime? LastRemindedAt { get; set; }

    /// <summary>Whether a family is expected to do something (acknowledge or answer).</summary>
    public bool AsksSomething => RequiresAcknowledgement || AnswerKind != NoteAnswerKind.None;
}

/// <summary>One guardian of one pupil who receives a note: what they read, acknowledged and answered, and when.</summary>
internal sealed class NoteRecipient : ITerritoryOwned
{
    public const int AnswerTextMaxLength = 1_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid NoteId { get; init; }

    public Guid PupilId { get; init; }

    public Guid GuardianId { get; init; }

    /// <summary>Whether the guardian held parental authority over the pupil when the note was sent.</summary>
    public bool HasParentalAuthority { get; init; }

    /// <summary>Copied from the note: whether this guardian is asked to answer.</summary>
    public bool AnswerExpected { get; init; }

    /// <summary>Copied from the note: whether this guardian is asked to do anything (acknowledge or answer).</summary>
    public bool ActionExpected { get; init; }

    public DateTime? ReadAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>Acknowledged through the signed link of the e-mail rather than on the page.</summary>
    public bool AcknowledgedByEmailLink { get; set; }

    public bool? AnswerYes { get; set; }

    public string? AnswerText { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>When everything asked was done; the home section lists expected actions not yet done with one indexed query.</summary>
    public DateTime? CompletedAt { get; set; }

    public DateTime? RemindedAt { get; set; }

    /// <summary>Incremented on each change: two tabs answering at once cannot overwrite each other silently.</summary>
    public int Version { get; set; }

    /// <summary>Whether the guardian still has something to do on this note.</summary>
    public bool IsPending => ActionExpected && CompletedAt is null;

    public void MarkRead(DateTime now) => ReadAt ??= now;

    /// <summary>Acknowledges the note; false when it already was (the first acknowledgement is kept).</summary>
    public bool Acknowledge(DateTime now, bool byEmailLink)
    {
        MarkRead(now);
        if (AcknowledgedAt is not null)
        {
            return false;
        }

        AcknowledgedAt = now;
        AcknowledgedByEmailLink = byEmailLink;
        Complete(now);
        Version++;
        return true;
    }

    /// <summary>Records an answer, which also acknowledges the note; the guardian may change it later (the last one counts).</summary>
    public void Answer(bool? yes, string? text, DateTime now)
    {
        Acknowledge(now, byEmailLink: false);
        AnswerYes = yes;
        AnswerText = text;
        AnsweredAt = now;
        Complete(now);
        Version++;
    }

    private void Complete(DateTime now)
    {
        if (CompletedAt is null && AcknowledgedAt is not null && (!AnswerExpected || AnsweredAt is not null))
        {
            CompletedAt = now;
        }
    }
}

internal sealed class LiaisonNoteConfiguration : IEntityTypeConfiguration<LiaisonNote>
{
    public void Configure(EntityTypeBuilder<LiaisonNote> e)
    {
        e.ToTable("liaison_notes");
        e.Property(n => n.Audience).HasConversion<string>().HasMaxLength(20);
        e.Property(n => n.AnswerKind).HasConversion<string>().HasMaxLength(10);
        e.Property(n => n.AudienceLabel).HasMaxLength(200);
        e.Property(n => n.Title).HasMaxLength(LiaisonNote.TitleMaxLength);
        e.Property(n => n.Body).HasMaxLength(Platform.Text.RichText.MaxLength);
        e.Property(n => n.AttachmentKey).HasMaxLength(64);
        e.Property(n => n.AttachmentName).HasMaxLength(200);
        e.Property(n => n.AttachmentContentType).HasMaxLength(100);
        // The sender's list and the school's list, newest first.
        e.HasIndex(n => new { n.AuthorId, n.SentAt });
        e.HasIndex(n => new { n.SchoolId, n.SentAt });
    }
}

internal sealed class NoteRecipientConfiguration : IEntityTypeConfiguration<NoteRecipient>
{
    public void Configure(EntityTypeBuilder<NoteRecipient> e)
    {
        e.ToTable("liaison_note_recipients");
        e.Property(r => r.AnswerText).HasMaxLength(NoteRecipient.AnswerTextMaxLength);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<LiaisonNote>().WithMany().HasForeignKey(r => r.NoteId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.NoteId, r.GuardianId, r.PupilId }).IsUnique();
        // A guardian's notes (newest first) and the home section "notes to acknowledge".
        e.HasIndex(r => new { r.GuardianId, r.ActionExpected, r.CompletedAt });
        e.HasIndex(r => new { r.PupilId, r.NoteId });
    }
}
