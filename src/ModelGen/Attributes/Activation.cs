namespace ModelGen;

/// <summary>An activation applied to a layer's output, as an option of the layer's attribute.</summary>
public enum Activation
{
    /// <summary>No activation: the layer's output is passed on as is.</summary>
    None,
    /// <summary><c>max(x, 0)</c>.</summary>
    ReLU,
    /// <summary>Leaky ReLU with slope 0.01 below zero.</summary>
    LeakyReLU,
    /// <summary>The logistic function.</summary>
    Sigmoid,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>Gaussian error linear unit.</summary>
    GELU,
    /// <summary>Softmax over the last dimension.</summary>
    Softmax,
    /// <summary>Log-softmax over the last dimension.</summary>
    LogSoftmax,
}
