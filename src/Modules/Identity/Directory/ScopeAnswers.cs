using Preau.Identity.Data;

namespace Preau.Identity.Directory;

/// <summary>
/// The directory's answers remembered for one scope, keyed by the question and the set of ids asked about
/// (in any order, duplicates ignored). A question about ids that an earlier answer already covered is
/// answered from it, in its order (a guardian's home asks for all the children, then for those of one
/// household). The Identity context's saved changes empty it.
/// </summary>
internal sealed class ScopeAnswers
{
    private readonly List<Answer> answers = [];

    public ScopeAnswers(IdentityDbContext db) => db.SavedChanges += (_, _) => answers.Clear();

    /// <summary>Rows of the answer about <paramref name="ids"/>; <paramref name="idOf"/> says which asked id a row answers.</summary>
    public async Task<IReadOnlyList<T>> GetOrLoadAsync<T>(string question, IEnumerable<Guid> ids, Func<T, Guid> idOf, Func<List<Guid>, Task<List<T>>> load)
    {
        var asked = ids.ToHashSet();
        foreach (var answer in answers)
        {
            if (answer.Question == question && asked.IsSubsetOf(answer.Ids))
            {
                var rows = (IReadOnlyList<T>)answer.Rows;
                return asked.Count == answer.Ids.Count ? rows : rows.Where(r => asked.Contains(idOf(r))).ToList();
            }
        }

        var loaded = await load([.. asked.Order()]);
        answers.Add(new Answer(question, asked, loaded));
        return loaded;
    }

    private sealed record Answer(string Question, HashSet<Guid> Ids, object Rows);
}
