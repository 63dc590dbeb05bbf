using Microsoft.EntityFrameworkCore;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Classes;

/// <summary>
/// Makes a teacher "teacher of this class" (with the subject in secondary school), or ends it. A
/// teacher not yet on the school's staff is added to it as a teacher. Audited as a change of rights.
/// </summary>
internal sealed class AssignTeacher(IdentityDbContext db, AuditLog audit, AssignStaff staff, TenantContext tenant, TimeProvider clock)
{
    public async Task<ChangeResult> RunAsync(Guid actorId, Guid teacherId, Guid classGroupId, string? subject, CancellationToken cancellationToken)
    {
        subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        if (subject?.Length > 100)
        {
            return ChangeResult.Refused("Subject", Fr("La discipline ne dépasse pas 100 caractères."));
        }

        var teacher = await db.Accounts.FirstAsync(a => a.Id == teacherId, cancellationToken);
        if (!teacher.Has(Profile.Teacher | Profile.Head))
        {
            return ChangeResult.Refused("TeacherLogin", Fr("Ce compte n’a pas le profil enseignant."));
        }

        var group = await db.ClassGroups.FirstAsync(c => c.Id == classGroupId, cancellationToken);
        if (await db.TeachingAssignments.AnyAsync(t => t.TeacherId == teacherId && t.ClassGroupId == classGroupId && t.Subject == subject && t.EndsOn == null, cancellationToken))
        {
            return ChangeResult.Refused("TeacherLogin", Fr("Cette personne enseigne déjà cette discipline dans cette classe."));
        }

        if (!await db.StaffAssignments.AnyAsync(s => s.AccountId == teacherId && s.SchoolId == group.SchoolId && s.EndsOn == null, cancellationToken))
        {
            staff.Add(teacher, group.SchoolId, Profile.Teacher);
        }

        db.TeachingAssignments.Add(new TeachingAssignment { TeacherId = teacherId, ClassGroupId = classGroupId, Subject = subject });
        audit.Record(tenant.RequiredTerritoryId, AuditAction.RightsChanged, actorId, teacherId,
            $"Enseignement ajouté : {teacher.DisplayName} en {group.Name}{(subject is null ? string.Empty : $" ({subject})")}");
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Done;
    }

    public async Task EndAsync(Guid actorId, Guid assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await db.TeachingAssignments.FirstAsync(t => t.Id == assignmentId, cancellationToken);
        if (assignment.EndsOn is not null)
        {
            return;
        }

        assignment.EndsOn = tenant.Today(clock);
        var teacher = await db.Accounts.Where(a => a.Id == assignment.TeacherId).Select(a => a.FirstName + " " + a.LastName).FirstAsync(cancellationToken);
        var group = await db.ClassGroups.Where(c => c.Id == assignment.ClassGroupId).Select(c => c.Name).FirstAsync(cancellationToken);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.RightsChanged, actorId, assignment.TeacherId, $"Enseignement terminé : {teacher} en {group}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
