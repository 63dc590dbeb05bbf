namespace Preau.SchoolLife.Homework;

/// <summary>
/// An entry became (or will become) visible to families at <paramref name="PublishAt"/>: published into
/// the outbox with that instant as its earliest dispatch, so families are notified when they can see it.
/// A later reschedule publishes a new event; the handler ignores the stale one.
/// </summary>
/// <param name="EntryId">The entry.</param>
/// <param name="PublishAt">The publication instant this event was written for (UTC).</param>
internal sealed record HomeworkPublished(Guid EntryId, DateTime PublishAt);
