import { CasePage } from '../cases/case-page';
import { CasesPage } from '../cases/cases-page';
import { DisclosuresPage } from '../cases/disclosures-page';
import { ConsultationPage } from './consultation-page';
import { ConsultationsPage } from './consultations-page';
import type { FrontRoute } from './front-routes';

/** The page for a Front, citizen-case or disclosure route. */
export function FrontRouteView(props: { route: FrontRoute }) {
  const { route } = props;
  switch (route.page) {
    case 'consultations':
      return <ConsultationsPage key={route.bodyId} bodyId={route.bodyId} />;
    case 'consultation':
      return <ConsultationPage key={route.id} bodyId={route.bodyId} id={route.id} />;
    case 'cases':
      return <CasesPage key={route.bodyId} bodyId={route.bodyId} />;
    case 'case':
      return <CasePage key={route.id} bodyId={route.bodyId} id={route.id} />;
    case 'disclosures':
      return <DisclosuresPage key={route.bodyId} bodyId={route.bodyId} />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}
