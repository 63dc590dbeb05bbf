using Preau.Identity.Data;

namespace Preau.Identity.Directory;

/// <summary>
/// The directory's answers remembered for one scope, keyed by the question and the set of ids asked about
/// (in any order, duplicates ignored). The Identity context's saved changes empty it.
/// </summary>
internal sealed class ScopeAnswers
{
    private readonly Dictionary<(string Question, string Ids), object> answers = [];

    public ScopeAnswers(IdentityDbContext db) => db.SavedChanges += (_, _) => answers.Clear();

    public async Task<IReadOnlyList<T>> GetOrLoadAsync<T>(string question, IEnumerable<Guid> ids, Func<List<Guid>, Task<List<T>>> load)
    {
        var distinct = ids.Distinct().Order().ToList();
        var key = (question, string.Join(',', distinct));
        if (answers.TryGetValue(key, out var known))
        {
            return (IReadOnlyList<T>)known;
        }

        var loaded = await load(distinct);
        answers[key] = loaded;
        return loaded;
    }
}
