using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Domain.Questionnaires;

/// <summary>The questionnaires of the four clusters, loaded from data files at start.</summary>
public sealed class QuestionnaireCatalog(IEnumerable<Questionnaire> questionnaires)
{
    private readonly Dictionary<int, Questionnaire> _byCluster = questionnaires.ToDictionary(q => q.Cluster);

    public IReadOnlyCollection<Questionnaire> All => _byCluster.Values;

    public Questionnaire ForCluster(int cluster) =>
        _byCluster.TryGetValue(cluster, out var questionnaire)
            ? questionnaire
            : throw DomainException.NotFound("QUESTIONNAIRE_NOT_FOUND", $"cluster/{cluster}", $"There is no questionnaire for cluster {cluster} (clusters: {string.Join(", ", _byCluster.Keys.Order())}).");
}
