using System.Text.Json;
using Documents.Api.Domain.Questionnaires;

namespace Documents.Api.Data.Questionnaires;

/// <summary>Reads the clusters' questionnaires from <c>cluster-*.json</c> (data, not code: edit a file to change a list).</summary>
public static class QuestionnaireFiles
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Questionnaires");

    public static QuestionnaireCatalog Load(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "cluster-*.json") : [];
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"No questionnaire files (cluster-*.json) in {folder}.");
        }
        return new QuestionnaireCatalog(files.Order(StringComparer.Ordinal).Select(Read));
    }

    private static Questionnaire Read(string path)
    {
        var file = JsonSerializer.Deserialize<QuestionnaireFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{path} is empty.");
        var articles = file.Articles.Select(a => new QuestionnaireArticle(a.Instrument.Trim().ToUpperInvariant(), a.Article.Trim(), a.Title.Trim())).ToList();
        var instruments = new[] { "UNTOC", "TIP", "SOM", "FIR" };
        if (file.Cluster is < 1 or > 4 || articles.Count == 0 || articles.Any(a => !instruments.Contains(a.Instrument) || a.Article.Length == 0)
            || articles.Select(a => a.Id).Distinct().Count() != articles.Count)
        {
            throw new InvalidOperationException($"{path}: a cluster 1-4 with distinct articles of UNTOC, TIP, SOM or FIR is expected.");
        }
        return new Questionnaire(file.Cluster, file.Phase, file.Subject, file.Confirmed, articles);
    }

    private sealed record QuestionnaireFile(int Cluster, int Phase, string Subject, bool Confirmed, IReadOnlyList<ArticleLine> Articles);

    private sealed record ArticleLine(string Instrument, string Article, string Title);
}
