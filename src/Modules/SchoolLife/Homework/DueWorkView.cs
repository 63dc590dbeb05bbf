namespace Preau.SchoolLife.Homework;

/// <summary>A piece of work as the work partial shows it.</summary>
/// <param name="Due">The work and its marks.</param>
/// <param name="CanTick">Whether the reader is the pupil (who ticks it done).</param>
/// <param name="HeadingLevel">The level of its subject's heading (3 on the homework page, 4 on the home page).</param>
/// <param name="GroupName">The group's name, when it is not the pupil's class (a language group).</param>
/// <param name="Files">Its work documents.</param>
/// <param name="ReturnTo">Where ticking leads back ("/" from the home page), else the homework page.</param>
internal sealed record DueWorkView(PupilDueWork Due, bool CanTick, int HeadingLevel, string? GroupName, IReadOnlyList<HomeworkAttachment> Files, string? ReturnTo = null);
