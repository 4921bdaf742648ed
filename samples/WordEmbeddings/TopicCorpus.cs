using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Samples.WordEmbeddings;

/// <summary>A labelled sentence: its text and its topic's index in <see cref="TopicCorpus.Topics"/>.</summary>
public sealed record Sentence(string Text, int Topic);

/// <summary>
/// Short English sentences on four topics, generated from templates and word lists written for this sample
/// (licence: the repository's own; nothing is downloaded). Every sentence mixes topic words with words all topics
/// share ("the", "today", "really") and a few that belong to two topics ("hot": weather and cooking, "fast": sport
/// and computers, "record": sport and weather), so a classifier has to weigh words rather than spot one.
/// </summary>
public static class TopicCorpus
{
    /// <summary>The topics, in label order.</summary>
    public static readonly IReadOnlyList<string> Topics = new[] { "sport", "cooking", "weather", "computers" };

    private static readonly string[][] Subjects =
    {
        new[] { "the striker", "our team", "the goalkeeper", "the coach", "the referee", "the runner", "the captain", "the players" },
        new[] { "the chef", "my grandmother", "the baker", "our cook", "the waiter", "my neighbour", "the kitchen staff", "the pastry chef" },
        new[] { "the forecast", "the sky", "the wind", "the storm", "the morning", "the weekend", "the north", "the coast" },
        new[] { "the laptop", "the server", "my computer", "the program", "the compiler", "the database", "the network", "the new phone" },
    };

    private static readonly string[][] Verbs =
    {
        new[] { "scored", "kicked", "won", "lost", "defended", "passed", "trained for", "celebrated" },
        new[] { "baked", "roasted", "stirred", "chopped", "seasoned", "fried", "tasted", "simmered" },
        new[] { "brought", "promised", "turned into", "ended with", "warned of", "cleared after", "saw", "started with" },
        new[] { "crashed during", "compiled", "downloaded", "installed", "rebooted after", "encrypted", "deleted", "loaded" },
    };

    private static readonly string[][] Objects =
    {
        new[] { "a late goal", "the match", "the final", "a penalty", "the league", "the tournament", "a record", "the fast break" },
        new[] { "the bread", "a hot soup", "the onions", "a spicy sauce", "the garlic", "the cake", "fresh pasta", "the oven tray" },
        new[] { "heavy rain", "a hot afternoon", "thick fog", "strong gusts", "a record high", "snow showers", "a thunderstorm", "cold drizzle" },
        new[] { "the update", "a fast processor", "the software", "a large file", "the keyboard driver", "the backup", "the memory chip", "a new browser" },
    };

    // A third of the subjects and verbs and a quarter of the objects say nothing about the topic: most sentences
    // rest on one or two words, and about one in 36 has no topic word at all (no classifier can be sure of those).
    private static readonly string[] AnySubjects = { "everyone", "my friend", "she", "the whole family" };
    private static readonly string[] AnyVerbs = { "talked about", "loved", "complained about", "remembered" };
    private static readonly string[] AnyObjects = { "the news", "the whole thing", "that story", "the plan" };

    private static readonly string[] Openers = { "", "", "today", "yesterday", "last night", "this week", "apparently", "once again" };
    private static readonly string[] Endings = { "", "", "really quickly", "as usual", "without any fuss", "for the first time", "again", "at last" };

    /// <summary>
    /// <paramref name="perTopic"/> sentences of every topic, interleaved by topic, drawn with <paramref name="seed"/>
    /// (the same seed gives the same corpus).
    /// </summary>
    public static IReadOnlyList<Sentence> Generate(int perTopic = 200, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perTopic);
        var random = new Random(seed);
        var sentences = new List<Sentence>();
        for (int i = 0; i < perTopic; i++)
        {
            for (int topic = 0; topic < Topics.Count; topic++)
            {
                string[] parts =
                {
                    Pick(Openers, random),
                    random.Next(3) == 0 ? Pick(AnySubjects, random) : Pick(Subjects[topic], random),
                    random.Next(3) == 0 ? Pick(AnyVerbs, random) : Pick(Verbs[topic], random),
                    random.Next(4) == 0 ? Pick(AnyObjects, random) : Pick(Objects[topic], random),
                    Pick(Endings, random),
                };
                sentences.Add(new Sentence(string.Join(' ', parts.Where(p => p.Length > 0)), topic));
            }
        }
        return sentences;
    }

    /// <summary>The words that occur in sentences of <paramref name="topic"/> and of no other topic.</summary>
    public static IReadOnlySet<string> WordsOnlyIn(int topic)
    {
        var own = TopicWords(topic);
        own.ExceptWith(Enumerable.Range(0, Topics.Count).Where(t => t != topic).SelectMany(TopicWords));
        return own;
    }

    /// <summary>Lower-case words: the text split on spaces.</summary>
    public static string[] Words(string text) => text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static HashSet<string> TopicWords(int topic) =>
        Subjects[topic].Concat(Verbs[topic]).Concat(Objects[topic]).SelectMany(Words).ToHashSet();

    private static string Pick(string[] options, Random random) => options[random.Next(options.Length)];
}
