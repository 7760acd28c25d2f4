import { type IReadonlyTheme, type ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
// The kit's define files register the elements through its guarded define: a second web part
// (or another solution bundling the kit) on the same page finds the tags taken and leaves them.
import '@rm-kit/elements/provider.js';
import '@rm-kit/elements/pair-card.js';
import '@rm-kit/elements/session-log.js';
import '@rm-kit/elements/feedback-form.js';
import { webPartMarkup } from './markup.js';
import { kitLocale, type RmKitWebPartProps, resourceProblem, serverUrlProblem } from './settings.js';
import { type KitTheme, kitTheme } from './theme.js';
import { entraTokenCallback } from './token.js';
import { type KitView, showKit } from './view.js';

/**
 * The web part: wires SharePoint's theme, token provider and property pane to the pure
 * modules beside it, which hold the logic and its tests.
 */
export default class RmKitWebPart extends BaseClientSideWebPart<RmKitWebPartProps> {
  private theme: KitTheme = kitTheme(undefined);
  private shown?: KitView;
  private getToken?: { resource: string; callback: () => Promise<string> };

  protected override async onInit(): Promise<void> {
    // The theme of the section the web part sits in (a variant of the site's), and its changes.
    const themes = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.themeChanged(themes.tryGetTheme());
    themes.themeChangedEvent.add(this, (args: ThemeChangedEventArgs) => this.themeChanged(args.theme));
    await super.onInit();
  }

  public override render(): void {
    const locale = kitLocale(this.context.pageContext.cultureInfo.currentUICultureName);
    this.shown = showKit(
      this.domElement,
      {
        markup: webPartMarkup(this.properties.serverUrl ?? '', locale),
        theme: this.theme,
        getToken: this.tokenCallback(this.properties.resource ?? ''),
      },
      this.shown,
    );
  }

  private themeChanged(theme: IReadonlyTheme | undefined): void {
    this.theme = kitTheme(theme);
    if (this.shown) this.render();
  }

  /** One callback per resource: `<rm-provider>` keeps its client (and outbox) while it gets the same one. */
  private tokenCallback(resource: string): () => Promise<string> {
    if (this.getToken?.resource !== resource)
      this.getToken = {
        resource,
        callback: entraTokenCallback(this.context.aadTokenProviderFactory, resource.trim()),
      };
    return this.getToken.callback;
  }

  protected override get dataVersion(): Version {
    return Version.parse('1.0');
  }

  /** Changes apply with the pane's Apply button, not at each key typed into an address. */
  protected override get disableReactivePropertyChanges(): boolean {
    return true;
  }

  protected override getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: 'Shows the signed-in person’s mentoring pair from your rm-kit server.' },
          groups: [
            {
              groupName: 'rm-kit server',
              groupFields: [
                PropertyPaneTextField('serverUrl', {
                  label: 'Server address',
                  placeholder: 'https://mentoring.contoso.com',
                  onGetErrorMessage: serverUrlProblem,
                }),
                PropertyPaneTextField('resource', {
                  label: 'API Application ID URI (Entra ID)',
                  placeholder: 'api://<client-id>',
                  onGetErrorMessage: resourceProblem,
                }),
              ],
            },
          ],
        },
      ],
    };
  }
}
