using System.ComponentModel.DataAnnotations;

namespace Preau.SchoolLife.Timetable;

/// <summary>A slot of the weekly timetable, as the form holds it.</summary>
internal sealed class SlotInput
{
    /// <summary>The slot's id, chosen when the form is shown: a second submission finds it saved.</summary>
    public Guid Id { get; set; }

    [Required(ErrorMessage = "Choisissez le jour.")]
    public DayOfWeek? Day { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure de début.")]
    public TimeOnly? StartsAt { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure de fin.")]
    public TimeOnly? EndsAt { get; set; }

    [Required(ErrorMessage = "Indiquez la matière.")]
    [StringLength(TimetableSlot.SubjectMaxLength, ErrorMessage = "La matière ne dépasse pas 100 caractères.")]
    public string? Subject { get; set; }

    public Guid? TeacherId { get; set; }

    [StringLength(TimetableSlot.RoomMaxLength, ErrorMessage = "La salle ne dépasse pas 50 caractères.")]
    public string? Room { get; set; }

    public WeekPattern Weeks { get; set; } = WeekPattern.Every;
}

/// <summary>A change to one lesson, as the form holds it.</summary>
internal sealed class ChangeInput
{
    /// <summary>Cancel the lesson (the other fields, but the note, are then ignored).</summary>
    public bool Cancel { get; set; }

    public DateOnly? MovedTo { get; set; }

    public TimeOnly? NewStartsAt { get; set; }

    public TimeOnly? NewEndsAt { get; set; }

    [StringLength(TimetableSlot.RoomMaxLength, ErrorMessage = "La salle ne dépasse pas 50 caractères.")]
    public string? NewRoom { get; set; }

    public Guid? ReplacementTeacherId { get; set; }

    [StringLength(TimetableChange.NoteMaxLength, ErrorMessage = "La note ne dépasse pas 300 caractères.")]
    public string? Note { get; set; }
}

/// <summary>A school's schedule settings, as the form holds them.</summary>
internal sealed class SettingsInput
{
    public DateOnly? WeekAReference { get; set; }

    public bool AlternationSkipsHolidays { get; set; } = true;

    public bool GuardiansWithoutAuthoritySeeHomework { get; set; } = true;

    public bool GuardiansWithoutAuthoritySeeTimetable { get; set; } = true;
}
