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
}
