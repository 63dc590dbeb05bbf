using Preau.Identity.Calendar;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Text;
using Preau.SchoolLife.Homework;

namespace Preau.UnitTests.SchoolLife;

public sealed class HomeworkRulesTests
{
    private static readonly SchoolYearInfo Year = new(Guid.NewGuid(), "2026-2027", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 3));
    private static readonly SchoolYearInfo NextYear = new(Guid.NewGuid(), "2027-2028", new DateOnly(2027, 9, 1), new DateOnly(2028, 7, 3));
    private static readonly SchoolCalendar Calendar = new([Year, NextYear], SchoolHoliday.Indicative(2026));

    // Monday 23 November 2026, a school day.
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void DueDateError_NextSchoolDay_IsAccepted() =>
        Assert.Null(HomeworkRules.DueDateError(new DateOnly(2026, 11, 24), Today, Today, Year.Id, Calendar));

    [Fact]
    public void DueDateError_Today_IsAccepted() =>
        Assert.Null(HomeworkRules.DueDateError(Today, Today, Today, Year.Id, Calendar));

    [Theory]
    [InlineData(2026, 11, 20, "passée")]
    [InlineData(2026, 11, 28, "week-end")]
    [InlineData(2026, 12, 23, "vacances")]
    [InlineData(2026, 11, 11, "passée")]
    [InlineData(2027, 5, 17, "férié")]
    [InlineData(2027, 7, 12, "année scolaire")]
    [InlineData(2027, 9, 6, "année scolaire")]
    public void DueDateError_NotASchoolDayOfTheYearOrPast_SaysWhy(int year, int month, int day, string reason)
    {
        var error = HomeworkRules.DueDateError(new DateOnly(year, month, day), Today, Today, Year.Id, Calendar);

        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void DueDateError_BeforeItsPublication_IsRefused()
    {
        var error = HomeworkRules.DueDateError(new DateOnly(2026, 11, 24), Today, new DateOnly(2026, 11, 26), Year.Id, Calendar);

        Assert.Equal("Le travail ne peut pas être à faire avant d’être publié.", error);
    }

    [Fact]
    public void SessionDateError_PublicHolidayAndSchoolDay_AreToldApart()
    {
        Assert.Equal("Ce jour est férié.", HomeworkRules.SessionDateError(new DateOnly(2026, 11, 11), Year.Id, Calendar));
        Assert.Null(HomeworkRules.SessionDateError(new DateOnly(2026, 11, 20), Year.Id, Calendar));
    }

    [Fact]
    public void IsWritable_CurrentYearAndPastYear_OnlyTheCurrentOne()
    {
        Assert.True(HomeworkRules.IsWritable(Year.Id, Today, Calendar));
        Assert.False(HomeworkRules.IsWritable(Year.Id, new DateOnly(2027, 9, 15), Calendar));
        Assert.True(HomeworkRules.IsWritable(NextYear.Id, new DateOnly(2027, 9, 15), Calendar));
    }

    [Fact]
    public void FreshnessOf_NeverVisited_IsNew() =>
        Assert.Equal(Freshness.New, HomeworkRules.FreshnessOf(At(10), At(10), null));

    [Fact]
    public void FreshnessOf_PublishedAfterTheLastVisit_IsNew() =>
        Assert.Equal(Freshness.New, HomeworkRules.FreshnessOf(At(12), At(12), At(11)));

    [Fact]
    public void FreshnessOf_ChangedAfterTheLastVisit_IsUpdated() =>
        Assert.Equal(Freshness.Updated, HomeworkRules.FreshnessOf(At(9), At(12), At(11)));

    [Fact]
    public void FreshnessOf_UnchangedSinceTheLastVisit_IsSeen() =>
        Assert.Equal(Freshness.Seen, HomeworkRules.FreshnessOf(At(9), At(10), At(11)));

    [Fact]
    public void IsPublished_BeforeAndAfterItsInstant_HidesThenShows()
    {
        var entry = new HomeworkEntry { Subject = "Mathématiques", PublishAt = At(12) };

        Assert.False(entry.IsPublished(At(11)));
        Assert.True(entry.IsPublished(At(12)));
    }

    [Fact]
    public void CanFollow_PupilAndGuardians_FollowTheSchoolsSetting()
    {
        var pupil = Guid.NewGuid();
        var withAuthority = Relations(Profile.Guardian, children: new() { [pupil] = true });
        var withoutAuthority = Relations(Profile.Guardian, children: new() { [pupil] = false });
        var stranger = Relations(Profile.Guardian, children: new() { [Guid.NewGuid()] = true });
        var self = Relations(Profile.Pupil, id: pupil);

        Assert.True(HomeworkRules.CanFollow(self, pupil, guardiansWithoutAuthorityAllowed: false));
        Assert.True(HomeworkRules.CanFollow(withAuthority, pupil, guardiansWithoutAuthorityAllowed: false));
        Assert.True(HomeworkRules.CanFollow(withoutAuthority, pupil, guardiansWithoutAuthorityAllowed: true));
        Assert.False(HomeworkRules.CanFollow(withoutAuthority, pupil, guardiansWithoutAuthorityAllowed: false));
        Assert.False(HomeworkRules.CanFollow(stranger, pupil, guardiansWithoutAuthorityAllowed: true));
    }

    [Fact]
    public void ToSafeHtml_PlainText_KeepsParagraphsLineBreaksAndLinks()
    {
        var html = RichTextInput.ToSafeHtml("Exercice 3 page 12\nà finir.\n\nVoir https://eduscol.education.fr/ pour l’aide.", new RichText());

        Assert.Equal("<p>Exercice 3 page 12<br>à finir.</p><p>Voir <a href=\"https://eduscol.education.fr/\" rel=\"noopener noreferrer nofollow\">https://eduscol.education.fr/</a> pour l’aide.</p>", html);
    }

    [Fact]
    public void ToSafeHtml_ScriptAndHandlers_AreRemoved()
    {
        var html = RichTextInput.ToSafeHtml("<p onclick=\"alert(1)\">Lire <strong>le chapitre</strong></p><script>alert(2)</script><a href=\"javascript:alert(3)\">x</a>", new RichText());

        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>le chapitre</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_TextThatLooksLikeComparison_StaysText()
    {
        var html = RichTextInput.ToSafeHtml("Comparer 3 < 5 et 7 > 2", new RichText());

        Assert.Equal("<p>Comparer 3 &lt; 5 et 7 &gt; 2</p>", html);
        Assert.False(RichTextInput.HasText(RichTextInput.ToSafeHtml("<p><br></p>", new RichText())));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\prof\\fiche \"1\".pdf", "C:Usersproffiche 1.pdf")]
    [InlineData("", "document")]
    public void SafeFileName_PathsQuotesAndEmpty_AreNeutralised(string name, string expected) =>
        Assert.Equal(expected, SaveHomeworkEntry.SafeFileName(name));

    private static DateTime At(int hour) => new(2026, 11, 23, hour, 0, 0, DateTimeKind.Utc);

    private static AccountRelations Relations(Profile profile, Dictionary<Guid, bool>? children = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), profile, new Dictionary<Guid, Profile>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>(), children ?? []);
}
