using System.ComponentModel.DataAnnotations;

namespace Preau.SchoolLife.Homework;

/// <summary>What a teacher types for a session, as the form (and its redisplay on error) holds it.</summary>
internal sealed class HomeworkEntryInput
{
    /// <summary>The entry's id, chosen when the form is shown: a second submission of the same form finds it saved.</summary>
    public Guid Id { get; set; }

    /// <summary>The version the teacher edited (its last change, in ticks), to refuse overwriting a newer one.</summary>
    public long Version { get; set; }

    [Required(ErrorMessage = "Indiquez la matière.")]
    [StringLength(HomeworkEntry.SubjectMaxLength, ErrorMessage = "La matière ne dépasse pas 100 caractères.")]
    public string? Subject { get; set; }

    [Required(ErrorMessage = "Indiquez la date de la séance.")]
    public DateOnly? SessionOn { get; set; }

    public TimeOnly? SessionStartsAt { get; set; }

    /// <summary>What was done (HTML from the editor, or plain text).</summary>
    public string? Lesson { get; set; }

    /// <summary>The work to do (HTML from the editor, or plain text).</summary>
    public string? Work { get; set; }

    public DateOnly? DueOn { get; set; }

    [Range(1, HomeworkEntry.MaxEstimatedMinutes, ErrorMessage = "La durée estimée est comprise entre 1 et 240 minutes.")]
    public int? EstimatedMinutes { get; set; }

    public DateOnly? PublishOn { get; set; }

    public TimeOnly? PublishTime { get; set; }

    /// <summary>Attachments to remove (edition).</summary>
    public List<Guid> RemoveAttachments { get; set; } = [];
}
