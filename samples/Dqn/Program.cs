using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ModelGen.Samples.Dqn;
using ModelGen.Samples.Shared;
using static TorchSharp.torch;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new DqnOptions();
if (args.Length > 0)
    options = options with { MaxEpisodes = int.Parse(args[0], CultureInfo.InvariantCulture) };
Console.WriteLine(QNetwork.Summary);
// Batches of 64 states through 128-wide layers: one thread beats the cost of handing work to several.
set_num_threads(1);

random.manual_seed(options.Seed);
var network = new QNetwork();
var result = DqnTraining.Train(network, options, new ProgressBar());
var returns = result.Returns;
var means = DqnTraining.MovingMeans(returns, options.SolvedWindow);
Console.WriteLine(result.SolvedAfterEpisodes is int solved
    ? $"Solved after {solved} episodes ({result.EnvironmentSteps} steps, {result.Elapsed.TotalSeconds:F1} s): mean return of episodes {solved - options.SolvedWindow + 1}-{solved} is {DqnTraining.MeanOfLast(returns, options.SolvedWindow):F1} >= {options.SolvedReturn}"
    : $"Not solved in {returns.Count} episodes ({result.Elapsed.TotalSeconds:F1} s): best mean of {options.SolvedWindow} consecutive returns {means.Skip(options.SolvedWindow - 1).DefaultIfEmpty(0).Max():F1}");

// 100 fresh episodes, never trained on, with the greedy policy (no exploration).
const int EvaluationEpisodes = 100;
double greedy = DqnTraining.EvaluateGreedy(network, EvaluationEpisodes, seed: options.Seed + 1);
Console.WriteLine($"Greedy policy, {EvaluationEpisodes} new episodes: mean return {greedy:F1} (500 is the cap)");

string path = Path.Combine(SampleOutput.Directory("Dqn"), "returns.png");
TrainingPlot.Save(path, "DQN on CartPole-v1", "episode", "return",
    ("return per episode", returns),
    ($"mean of last {options.SolvedWindow}", means));
Console.WriteLine($"Returns: {path}");

