/**
 * Structural checks against the Adaptive Cards 1.5 schema (the parts our cards use), for when the
 * `adaptivecards` library is not installed: card version, which element and action types exist in
 * 1.5, their required properties, no property 1.5 does not define, and enum values.
 */
type Json = Record<string, unknown>;

const COMMON_ELEMENT = [
  'type',
  'id',
  'isVisible',
  'requires',
  'separator',
  'spacing',
  'height',
  'fallback',
];
const COMMON_ACTION = [
  'type',
  'title',
  'iconUrl',
  'id',
  'style',
  'fallback',
  'tooltip',
  'isEnabled',
  'mode',
  'requires',
];

/** Element types of Adaptive Cards 1.5 and the properties each may carry. */
const ELEMENTS: Record<string, { required: string[]; optional: string[] }> = {
  TextBlock: {
    required: ['text'],
    optional: [
      'color',
      'fontType',
      'horizontalAlignment',
      'isSubtle',
      'maxLines',
      'size',
      'weight',
      'wrap',
      'style',
    ],
  },
  FactSet: { required: ['facts'], optional: [] },
  Container: {
    required: ['items'],
    optional: [
      'selectAction',
      'style',
      'verticalContentAlignment',
      'bleed',
      'backgroundImage',
      'minHeight',
      'rtl',
    ],
  },
  ColumnSet: {
    required: [],
    optional: ['columns', 'selectAction', 'style', 'bleed', 'minHeight', 'horizontalAlignment'],
  },
  Image: {
    required: ['url'],
    optional: [
      'altText',
      'backgroundColor',
      'height',
      'horizontalAlignment',
      'selectAction',
      'size',
      'style',
      'width',
    ],
  },
  ActionSet: { required: ['actions'], optional: [] },
  RichTextBlock: { required: ['inlines'], optional: ['horizontalAlignment'] },
  ImageSet: { required: ['images'], optional: ['imageSize'] },
  Media: { required: ['sources'], optional: ['poster', 'altText'] },
  Table: {
    required: [],
    optional: [
      'columns',
      'rows',
      'firstRowAsHeader',
      'showGridLines',
      'gridStyle',
      'horizontalCellContentAlignment',
      'verticalCellContentAlignment',
    ],
  },
};

const ACTIONS: Record<string, { required: string[]; optional: string[] }> = {
  'Action.OpenUrl': { required: ['url'], optional: [] },
  'Action.Submit': { required: [], optional: ['data', 'associatedInputs'] },
  'Action.Execute': { required: [], optional: ['verb', 'data', 'associatedInputs'] },
  'Action.ShowCard': { required: [], optional: ['card'] },
  'Action.ToggleVisibility': { required: ['targetElements'], optional: [] },
};

const ENUMS: Record<string, readonly string[]> = {
  size: ['Small', 'Default', 'Medium', 'Large', 'ExtraLarge'],
  weight: ['Lighter', 'Default', 'Bolder'],
  color: ['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention'],
  spacing: ['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding'],
};

export function checkCard(card: Json): string[] {
  const issues: string[] = [];
  const at = (path: string, message: string) => issues.push(`${path}: ${message}`);
  if (card.type !== 'AdaptiveCard') at('$', `type is ${String(card.type)}`);
  if (card.version !== '1.5') at('$', `version ${String(card.version)} is not 1.5`);
  if (card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') at('$', 'no $schema');
  const known = [
    'type',
    'version',
    '$schema',
    'body',
    'actions',
    'lang',
    'fallbackText',
    'speak',
    'msteams',
    'refresh',
    'authentication',
    'selectAction',
    'minHeight',
    'rtl',
    'verticalContentAlignment',
    'backgroundImage',
    'metadata',
  ];
  for (const key of Object.keys(card)) if (!known.includes(key)) at('$', `unknown property ${key}`);
  if (!Array.isArray(card.body)) at('$', 'body is not an array');
  else card.body.forEach((element, index) => checkElement(element as Json, `$.body[${index}]`, at));
  if (card.actions !== undefined) {
    if (!Array.isArray(card.actions)) at('$', 'actions is not an array');
    else
      card.actions.forEach((action, index) =>
        checkAction(action as Json, `$.actions[${index}]`, at),
      );
  }
  return issues;
}

function checkProps(
  node: Json,
  path: string,
  spec: { required: string[]; optional: string[] },
  common: string[],
  at: (path: string, message: string) => void,
) {
  for (const key of spec.required) if (node[key] === undefined) at(path, `missing ${key}`);
  const allowed = new Set([...common, ...spec.required, ...spec.optional]);
  for (const [key, value] of Object.entries(node)) {
    if (!allowed.has(key)) at(path, `${String(node.type)} has no property ${key} in 1.5`);
    const values = ENUMS[key];
    if (values && typeof value === 'string' && !values.includes(value)) {
      at(path, `${key} "${value}" is not one of ${values.join(', ')}`);
    }
  }
}

function checkElement(node: Json, path: string, at: (path: string, message: string) => void) {
  const spec = ELEMENTS[String(node.type)];
  if (!spec) return at(path, `element type ${String(node.type)} does not exist in 1.5`);
  checkProps(node, path, spec, COMMON_ELEMENT, at);
  if (node.type === 'TextBlock') {
    if (typeof node.text !== 'string' || node.text.trim() === '') at(path, 'empty text');
    if (node.style !== undefined && !['default', 'heading'].includes(String(node.style))) {
      at(path, `style ${String(node.style)}`);
    }
  }
  if (node.type === 'FactSet') {
    const facts = node.facts as Json[];
    if (!Array.isArray(facts) || facts.length === 0) at(path, 'a FactSet needs facts');
    else
      facts.forEach((fact, index) => {
        if (typeof fact.title !== 'string' || typeof fact.value !== 'string') {
          at(`${path}.facts[${index}]`, 'a fact needs a string title and value');
        }
        const extra = Object.keys(fact).filter((key) => key !== 'title' && key !== 'value');
        if (extra.length > 0) at(`${path}.facts[${index}]`, `unknown ${extra.join(', ')}`);
      });
  }
  if (node.type === 'Container') {
    (node.items as Json[]).forEach((item, index) =>
      checkElement(item, `${path}.items[${index}]`, at),
    );
  }
}

function checkAction(node: Json, path: string, at: (path: string, message: string) => void) {
  const spec = ACTIONS[String(node.type)];
  if (!spec) return at(path, `action type ${String(node.type)} does not exist in 1.5`);
  checkProps(node, path, spec, COMMON_ACTION, at);
  if (typeof node.title !== 'string' || node.title === '') at(path, 'an action needs a title');
  if (node.type === 'Action.OpenUrl' && !/^https?:\/\//.test(String(node.url)))
    at(path, 'url must be http(s)');
  if (node.type === 'Action.Execute' && typeof node.verb !== 'string')
    at(path, 'Action.Execute needs a verb');
  if (node.fallback !== undefined && node.fallback !== 'drop') {
    checkAction(node.fallback as Json, `${path}.fallback`, at);
  }
}
