using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;

namespace Preau.IntegrationTests.Identity;

/// <summary>The directory's lists, as the other modules receive them.</summary>
public sealed class DirectoryTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task TeachersOfAGroup_ATeacherOfTwoSubjects_ListedOnceInNameOrder()
    {
        var t = await app.CreateTerritoryAsync();
        await app.InTerritoryAsync(t.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            db.TeachingAssignments.AddRange(
                new TeachingAssignment { TeacherId = t.TeacherB.Id, ClassGroupId = t.ClassA, Subject = "Anglais" },
                new TeachingAssignment { TeacherId = t.TeacherB.Id, ClassGroupId = t.ClassA, Subject = "Musique" });
            return await db.SaveChangesAsync();
        });

        var teachers = await app.InTerritoryAsync(t.Id, sp => sp.GetRequiredService<IStructureDirectory>().ListTeachersOfGroupAsync(t.ClassA));

        // Théo Enseignant before Thérèse Enseignante.
        Assert.Equal([t.TeacherB.Id, t.TeacherA.Id], teachers.Select(p => p.Id));
    }

    [Fact]
    public async Task PupilsOfAGroupAndOfASchool_WithTheirClass_InNameOrder_NeverAnotherSchools()
    {
        var t = await app.CreateTerritoryAsync();

        var (ofGroup, ofSchool) = await app.InTerritoryAsync(t.Id, async sp =>
        {
            var directory = sp.GetRequiredService<IStructureDirectory>();
            return (await directory.ListPupilsOfGroupAsync(t.ClassA), await directory.ListPupilsOfSchoolAsync(t.SchoolA));
        });

        foreach (var pupils in new[] { ofGroup, ofSchool })
        {
            // Paul Élève before Pauline Élève; Pierre (school B) is not there.
            Assert.Equal([t.PupilA.Id, t.PupilA2.Id], pupils.Select(p => p.Id));
            Assert.All(pupils, p => Assert.Equal((t.ClassA, "CM2 A", t.SchoolA), (p.ClassId, p.ClassName, p.SchoolId)));
        }
    }

    [Fact]
    public async Task PupilsAskedTwiceInARequest_ASubsetIsAnsweredFromTheFirstAnswer_NewIdsAndSavedChangesAreRead()
    {
        var t = await app.CreateTerritoryAsync();

        var (first, subset, afterRename, withNewId, afterSave) = await app.InTerritoryAsync(t.Id, async sp =>
        {
            var directory = sp.GetRequiredService<IStructureDirectory>();
            var first = await directory.GetPupilsAsync([t.PupilB.Id, t.PupilA2.Id, t.PupilA.Id]);
            var subset = await directory.GetPupilsAsync([t.PupilA2.Id, t.PupilA.Id, t.PupilA.Id]);

            // Another request renames Pauline: this request, which already knows her, keeps its answer…
            await app.InTerritoryAsync(t.Id, other => other.GetRequiredService<IdentityDbContext>().Accounts
                .Where(a => a.Id == t.PupilA2.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.FirstName, "Paulette")));
            var afterRename = await directory.GetPupilsAsync([t.PupilA2.Id]);

            // …until it asks about someone it did not know, or saves a change of its own.
            var withNewId = await directory.GetPupilsAsync([t.PupilA2.Id, t.PupilB.Id, t.GuardianA.Id]);
            var db = sp.GetRequiredService<IdentityDbContext>();
            (await db.Accounts.SingleAsync(a => a.Id == t.PupilA.Id)).FirstName = "Paolo";
            await db.SaveChangesAsync();
            var afterSave = await directory.GetPupilsAsync([t.PupilA.Id]);
            return (first, subset, afterRename, withNewId, afterSave);
        });

        // Paul, Pauline, then Pierre: the subset keeps the first answer's order and drops Pierre.
        Assert.Equal([t.PupilA.Id, t.PupilA2.Id, t.PupilB.Id], first.Select(p => p.Id));
        Assert.Equal([t.PupilA.Id, t.PupilA2.Id], subset.Select(p => p.Id));
        Assert.Equal("Pauline", Assert.Single(afterRename).FirstName);
        Assert.Equal("Paulette", withNewId.Single(p => p.Id == t.PupilA2.Id).FirstName);
        Assert.Equal("Paolo", Assert.Single(afterSave).FirstName);
    }
}
