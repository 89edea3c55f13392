package dev.minrole.engine;

import dev.minrole.generator.render.CloudFormationRenderer;
import dev.minrole.generator.render.JsonRenderer;
import dev.minrole.generator.render.PseudoParameters;
import dev.minrole.generator.render.Renderer;
import dev.minrole.generator.render.ReportRenderer;
import dev.minrole.generator.render.SamRenderer;
import dev.minrole.generator.render.ServerlessRenderer;
import dev.minrole.generator.render.TerraformRenderer;
import dev.minrole.generator.render.YamlRenderer;
import dev.minrole.generator.synth.ArnContext;
import java.util.function.Function;

/** What {@code generate} prints, and the renderer that prints it (docs/formats.md). */
public enum OutputFormat {
  json(context -> new JsonRenderer()),
  yaml(context -> new YamlRenderer()),
  cfn(context -> new CloudFormationRenderer(new PseudoParameters(context))),
  sam(context -> new SamRenderer(new PseudoParameters(context))),
  terraform(context -> new TerraformRenderer()),
  serverless(context -> new ServerlessRenderer(new PseudoParameters(context))),
  report(context -> new ReportRenderer());

  @SuppressWarnings("ImmutableEnumChecker") // each factory is a lambda that captures nothing
  private final Function<ArnContext, Renderer> renderer;

  OutputFormat(Function<ArnContext, Renderer> renderer) {
    this.renderer = renderer;
  }

  /**
   * The renderer; templates write ARNs with the partition, region and account of {@code context}.
   */
  public Renderer renderer(ArnContext context) {
    return renderer.apply(context);
  }
}
