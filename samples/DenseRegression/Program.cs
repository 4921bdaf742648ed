using System;
using System.Globalization;
using ModelGen.Samples.DenseRegression;
using ModelGen.Samples.Shared;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine(LinearRegression.Summary);
var result = RegressionTraining.Train(progress: new ProgressBar());
Console.WriteLine($"Final loss (MSE): {result.EpochLosses[^1]:F4}");
Console.WriteLine($"Learned y = {result.Slope:F3} * x {(result.Intercept < 0 ? "-" : "+")} {System.Math.Abs(result.Intercept):F3} (data drawn from y = {RegressionTraining.TrueSlope} * x + {RegressionTraining.TrueIntercept} + noise 0.1)");
